package dev.orderly.console.orders;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.CsvExport;
import dev.orderly.console.util.CsvExport.Column;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.console.util.UpdateBatcher;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.OrderSummary;
import dev.orderly.model.PageView;
import dev.orderly.model.UserView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The order table: loaded in pages, then kept live from status events applied in one batch per pulse. Filter by
 * status, search by id or e-mail.
 */
public final class OrdersViewModel {

    static final int MAX_ROWS = 20_000;
    private static final int PAGE = 500;

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final UserView user;
    private final ObservableList<OrderRow> rows = FXCollections.observableArrayList();
    private final Map<Long, OrderRow> index = new HashMap<>();
    private final FilteredList<OrderRow> filtered = new FilteredList<>(rows);
    private final SortedList<OrderRow> sorted = new SortedList<>(filtered);
    private final ObjectProperty<OrderStatus> statusFilter = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final UpdateBatcher<OrderStatusChanged> updates;

    public OrdersViewModel(OrderlyClient client, TaskRunner runner, UserView user) {
        this.client = client;
        this.runner = runner;
        this.user = user;
        this.updates = new UpdateBatcher<>(runner, this::apply);
        statusFilter.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
    }

    /** Subscribes to live events; call once. */
    public Runnable listen() {
        return client.onStatusChange(this::offer);
    }

    /** Queues a status change from any thread. */
    public void offer(OrderStatusChanged change) {
        if (user.isStaff() || user.email().equalsIgnoreCase(change.userEmail())) {
            updates.offer(change);
        }
    }

    public void load() {
        message.set(I18n.t("orders.loading"));
        runner.run(() -> {
            List<OrderSummary> all = new ArrayList<>();
            for (int page = 0; all.size() < MAX_ROWS; page++) {
                PageView<OrderSummary> result = client.orders(null, null, page, PAGE);
                all.addAll(result.content());
                if (page + 1 >= result.totalPages()) {
                    break;
                }
            }
            return all;
        }, all -> {
            index.clear();
            List<OrderRow> loaded = new ArrayList<>(all.size());
            for (OrderSummary summary : all) {
                OrderRow row = OrderRow.of(summary);
                loaded.add(row);
                index.put(row.orderId(), row);
            }
            rows.setAll(loaded);
            message.set(count(all.size()));
        }, error -> message.set(I18n.t("orders.notLoaded", Messages.of(error))));
    }

    private void apply(List<OrderStatusChanged> batch) {
        List<OrderRow> added = new ArrayList<>();
        for (OrderStatusChanged change : batch) {
            OrderRow row = index.get(change.orderId());
            if (row == null) {
                row = new OrderRow(change.orderId(), change.userEmail(), change.to(), change.total(), change.at());
                index.put(change.orderId(), row);
                added.add(row);
            } else if (!change.at().isBefore(row.updatedAtProperty().get())) {
                row.update(change.to(), change.at());
            }
        }
        if (!added.isEmpty()) {
            rows.addAll(0, added);
            message.set(count(rows.size()));
        }
        if (statusFilter.get() != null) {
            refilter();
        }
    }

    private void refilter() {
        OrderStatus status = statusFilter.get();
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(row -> (status == null || row.statusProperty().get() == status)
            && (text.isEmpty() || Long.toString(row.orderId()).equals(text.replace("#", ""))
                || row.email().toLowerCase(Locale.ROOT).contains(text)));
    }

    private static String count(int orders) {
        return orders == 1 ? I18n.t("orders.count.one") : I18n.t("orders.count", String.valueOf(orders));
    }

    /** Writes the orders shown (filter and search apply, in the table's order) to {@code file} as CSV. */
    public void exportCsv(java.nio.file.Path file) {
        List<OrderRow> shown = List.copyOf(sorted);
        runner.run(() -> CsvExport.write(file, shown,
                new Column<OrderRow>("orderId", OrderRow::orderId), new Column<OrderRow>("user", OrderRow::email),
                new Column<OrderRow>("status", r -> r.statusProperty().get()),
                new Column<OrderRow>("total", r -> r.totalProperty().get()),
                new Column<OrderRow>("updatedAt", r -> r.updatedAtProperty().get())),
            written -> message.set(I18n.t("orders.exported", count(written), file)),
            error -> message.set(I18n.t("orders.notExported", Messages.of(error))));
    }

    public OrderRow row(long orderId) {
        return index.get(orderId);
    }

    public ObservableList<OrderRow> allRows() {
        return rows;
    }

    public SortedList<OrderRow> visibleRows() {
        return sorted;
    }

    public ObjectProperty<OrderStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
