package dev.orderly.console.orders;

import dev.orderly.console.util.Messages;
import dev.orderly.console.orders.OrderDetailViewModel.Action;
import dev.orderly.console.util.Em;
import dev.orderly.console.util.I18n;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderView;
import dev.orderly.model.TimelineEntry;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected order: summary, the actions its state allows, and its timeline. */
public final class OrderDetailView extends VBox {

    private final OrderDetailViewModel vm;
    private final FlowPane actions = new FlowPane(6, 6);
    private java.util.List<Object> shown = java.util.List.of();

    private final LongConsumer followOnKafka;

    /**
     * @param followOnKafka opens the Topics screen on the selected order's records (staff), or null when the user
     *     may not see Kafka
     */
    public OrderDetailView(OrderDetailViewModel vm, LongConsumer followOnKafka) {
        this.vm = vm;
        this.followOnKafka = followOnKafka;
        Label header = new Label();
        header.textProperty().bind(vm.messageProperty());
        header.getStyleClass().add("section-title");
        header.setWrapText(true);
        header.setId("detail-header");
        Label summary = new Label();
        summary.getStyleClass().add("muted");
        summary.setWrapText(true);
        vm.orderProperty().addListener((o, a, order) -> summary.setText(describe(order)));

        TableView<TimelineEntry> timeline = new TableView<>(vm.timeline());
        timeline.getStyleClass().add("timeline");
        TableColumn<TimelineEntry, Instant> at = new TableColumn<>(I18n.t("detail.col.time"));
        at.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().at()));
        at.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : OrdersTableView.TIME.format(item));
            }
        });
        Em.width(at, 6.5);
        TableColumn<TimelineEntry, String> kind = new TableColumn<>(I18n.t("detail.col.what"));
        kind.setCellValueFactory(c -> new SimpleObjectProperty<>(label(c.getValue())));
        Em.width(kind, 26.9);
        TableColumn<TimelineEntry, String> where = new TableColumn<>(I18n.t("detail.col.kafka"));
        where.setCellValueFactory(c -> new SimpleObjectProperty<>(where(c.getValue())));
        Em.width(where, 9.2);
        TableColumn<TimelineEntry, String> detail = new TableColumn<>(I18n.t("detail.col.detail"));
        detail.setCellValueFactory(c -> new SimpleObjectProperty<>(Messages.detail(c.getValue())));
        detail.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        Em.width(detail, 28.5);
        timeline.getColumns().setAll(java.util.List.of(at, kind, where, detail));
        timeline.setPlaceholder(new Label(I18n.t("detail.empty")));
        timeline.setId("detail-timeline");
        VBox.setVgrow(timeline, Priority.ALWAYS);

        actions.setId("detail-actions");
        vm.staffMoves().addListener((ListChangeListener<OrderStatus>) c -> rebuildActions());
        vm.actions().addListener((ListChangeListener<Action>) c -> rebuildActions());
        vm.orderProperty().addListener((o, a, order) -> rebuildActions());
        setSpacing(6);
        setStyle("-fx-padding: 0.6em;");
        getChildren().addAll(header, summary, actions, timeline);
    }

    private void rebuildActions() {
        java.util.List<Object> offered = new java.util.ArrayList<>(vm.staffMoves());
        offered.addAll(vm.actions());
        boolean follow = followOnKafka != null && vm.orderProperty().get() != null;
        offered.add(follow);
        if (offered.equals(shown)) {
            return;
        }
        shown = offered;
        actions.getChildren().clear();
        for (OrderStatus target : vm.staffMoves()) {
            Button move = new Button(I18n.t("detail.moveTo", I18n.status(target)));
            move.setId("move-" + target.name());
            move.setOnAction(e -> vm.move(target));
            actions.getChildren().add(move);
        }
        for (Action action : vm.actions()) {
            String text = switch (action) {
                case CANCEL -> I18n.t("detail.cancel");
                case REQUEST_REFUND -> I18n.t("detail.requestRefund");
                case COMPLETE_REFUND -> I18n.t("detail.completeRefund");
            };
            Button button = new Button(text);
            button.setId("action-" + action.name());
            button.setOnAction(e -> vm.perform(action));
            actions.getChildren().add(button);
        }
        if (follow) {
            Button kafka = new Button(I18n.t("detail.followKafka"));
            kafka.setId("detail-follow-kafka");
            kafka.setOnAction(e -> followOnKafka.accept(vm.selectedId()));
            actions.getChildren().add(kafka);
        }
    }

    private static String describe(OrderView order) {
        if (order == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(I18n.t("detail.summary", order.userEmail(),
            order.total().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), order.progressPercentage()));
        if (order.payment() != null) {
            String state = order.payment().state();
            text.append(I18n.t("detail.card", order.payment().cardLast4(), I18n.has("payment.state." + state)
                ? I18n.t("payment.state." + state) : state.toLowerCase(Locale.ROOT)));
        }
        if (order.shipment() != null) {
            text.append(order.warehouseStorage() ? I18n.t("detail.warehouse", order.shipment().trackingNo())
                : I18n.t("detail.ship", order.shipment().zipCode(), order.shipment().trackingNo()));
        }
        return text.toString();
    }

    private static String label(TimelineEntry entry) {
        return switch (entry.kind()) {
            case STATUS_CHANGE -> (entry.from() == null ? "" : I18n.status(entry.from()) + " \u2192 ")
                + I18n.status(entry.to());
            case ACCEPTED -> I18n.t("timeline.ACCEPTED");
            case ATTEMPT_SUCCEEDED -> I18n.t("timeline.ATTEMPT_SUCCEEDED");
            case ATTEMPT_FAILED -> I18n.t("timeline.ATTEMPT_FAILED");
            case RETRY_SCHEDULED -> I18n.t("timeline.RETRY_SCHEDULED");
            case DUPLICATE_SKIPPED -> I18n.t("timeline.DUPLICATE_SKIPPED");
            case DEAD_LETTERED -> I18n.t("timeline.DEAD_LETTERED");
            case COMPENSATED -> I18n.t("timeline.COMPENSATED");
        };
    }

    private static String where(TimelineEntry entry) {
        if (entry.topic() == null) {
            return "";
        }
        String retry = entry.retryCount() != null && entry.retryCount() > 0 ? " retry " + entry.retryCount() : "";
        return entry.topic().replace("order-", "").replace("-topic", "") + "-" + entry.partition() + "@"
            + entry.offset() + retry;
    }
}
