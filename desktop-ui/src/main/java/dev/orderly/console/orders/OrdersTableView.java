package dev.orderly.console.orders;

import dev.orderly.console.util.Em;
import dev.orderly.console.util.ExportDialog;
import dev.orderly.console.util.I18n;
import dev.orderly.model.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongConsumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The order table with live status and progress, a status filter and a search box. */
public final class OrdersTableView extends VBox {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TableView<OrderRow> table = new TableView<>();

    public OrdersTableView(OrdersViewModel vm, LongConsumer onSelect) {
        ChoiceBox<OrderStatus> filter = new ChoiceBox<>();
        filter.getItems().add(null);
        filter.getItems().addAll(OrderStatus.values());
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(OrderStatus status) {
                return status == null ? I18n.t("orders.allStatuses") : I18n.status(status);
            }

            @Override
            public OrderStatus fromString(String text) {
                return null;
            }
        });
        filter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        filter.setId("orders-filter");
        TextField search = new TextField();
        search.setPromptText(I18n.t("orders.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setId("orders-search");
        HBox.setHgrow(search, Priority.ALWAYS);
        Label count = new Label();
        count.textProperty().bind(vm.messageProperty());
        count.getStyleClass().add("muted");
        FlowPane toolbar = new FlowPane(8, 6, filter, search,
            ExportDialog.button("orders-export", "orderly-orders.csv", vm::exportCsv), count);
        toolbar.setStyle("-fx-padding: 0.5em; -fx-alignment: center-left;");

        TableColumn<OrderRow, Number> id = new TableColumn<>("#");
        id.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().orderId()));
        Em.width(id, 4.6);
        TableColumn<OrderRow, String> email = new TableColumn<>(I18n.t("orders.col.customer"));
        email.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().email()));
        Em.width(email, 11.5);
        TableColumn<OrderRow, OrderStatus> status = new TableColumn<>(I18n.t("orders.col.status"));
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(OrderStatus value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : I18n.status(value));
            }
        });
        Em.width(status, 12.5);
        TableColumn<OrderRow, Number> progress = new TableColumn<>(I18n.t("orders.col.progress"));
        progress.setCellValueFactory(c -> c.getValue().progressProperty());
        progress.setCellFactory(c -> new ProgressCell());
        Em.width(progress, 8.5);
        TableColumn<OrderRow, BigDecimal> total = new TableColumn<>(I18n.t("orders.col.total"));
        total.setCellValueFactory(c -> c.getValue().totalProperty());
        total.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
            }
        });
        Em.width(total, 6.2);
        TableColumn<OrderRow, Instant> updated = new TableColumn<>(I18n.t("orders.col.updated"));
        updated.setCellValueFactory(c -> c.getValue().updatedAtProperty());
        updated.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : TIME.format(item));
            }
        });
        Em.width(updated, 6.2);
        table.getColumns().setAll(java.util.List.of(id, email, status, progress, total, updated));
        vm.visibleRows().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(vm.visibleRows());
        table.setPlaceholder(new Label(I18n.t("orders.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                onSelect.accept(row.orderId());
            }
        });
        table.setId("orders-table");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(toolbar, table);
    }

    /** Selects and shows an order if it is in the table. */
    public void select(long orderId) {
        for (OrderRow row : table.getItems()) {
            if (row.orderId() == orderId) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
                return;
            }
        }
    }

    public TableView<OrderRow> table() {
        return table;
    }

    /** A progress bar in a cell. */
    private static final class ProgressCell extends TableCell<OrderRow, Number> {
        private final ProgressBar bar = new ProgressBar();

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setMinHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(Number item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                bar.setProgress(item.doubleValue());
                OrderRow row = getTableRow() == null ? null : getTableRow().getItem();
                String percent = String.valueOf(Math.round(item.doubleValue() * 100));
                bar.setAccessibleText(row == null ? I18n.t("orders.progress", percent)
                    : I18n.t("orders.progressOf", percent, I18n.status(row.statusProperty().get())));
                setGraphic(bar);
            }
        }
    }
}
