package dev.orderly.console.deadletters;

import dev.orderly.console.util.Em;
import dev.orderly.console.util.ExportDialog;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.RedriveOutcome;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The DLT: why each record is there and where it came from; preview, then redrive a selection. */
public final class DeadLettersView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private final TableView<DeadLetterView> table;

    public DeadLettersView(DeadLettersViewModel vm) {
        table = new TableView<>(vm.records());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().setAll(List.of(
            column("P", 3.1, d -> d.partition()),
            column("Offset", 4.6, d -> d.offset()),
            column("When", 8.5, d -> format(d.timestamp())),
            column("Order", 5.4, d -> d.orderId() == null ? "?" : d.orderId()),
            column("Error", 36.2, d -> d.error()),
            column("Came from", 13.1, d -> d.originTopic() == null ? "" : d.originTopic() + "-" + d.originPartition()
                + "@" + d.originOffset()),
            outcomeColumn(vm)));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(DeadLetterView item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.error() + "\n"
                    + item.valuePreview()));
            }
        });
        table.setPlaceholder(new Label("No dead letters: every record was processed or is still retrying"));
        table.setId("dlt-table");
        VBox.setVgrow(table, Priority.ALWAYS);

        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.load());
        refresh.setId("dlt-refresh");
        Button preview = new Button("Preview redrive");
        preview.setOnAction(e -> vm.preview(List.copyOf(table.getSelectionModel().getSelectedItems())));
        preview.setId("dlt-preview");
        Button redrive = new Button("Redrive selected");
        redrive.setOnAction(e -> vm.redrive(List.copyOf(table.getSelectionModel().getSelectedItems())));
        redrive.setId("dlt-redrive");
        var nothingSelected = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        preview.disableProperty().bind(nothingSelected.or(vm.busyProperty()));
        redrive.disableProperty().bind(nothingSelected.or(vm.busyProperty()));
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setId("dlt-message");
        FlowPane toolbar = new FlowPane(8, 6, refresh, preview, redrive,
            ExportDialog.button("dlt-export", "orderly-dead-letters.csv", vm::exportCsv),
            message);
        toolbar.setStyle("-fx-padding: 0.5em; -fx-alignment: center-left;");

        TableView<RedriveOutcome> previewTable = new TableView<>(vm.preview());
        TableColumn<RedriveOutcome, String> record = new TableColumn<>("Record");
        record.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().partition() + "@"
            + c.getValue().offset()));
        TableColumn<RedriveOutcome, String> verdict = new TableColumn<>("Would be");
        verdict.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().processable() ? "processed"
            : "skipped or dead again"));
        Em.width(verdict, 12.3);
        TableColumn<RedriveOutcome, String> why = new TableColumn<>("Why");
        why.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().detail()));
        Em.width(why, 53.8);
        previewTable.getColumns().setAll(List.of(record, verdict, why));
        previewTable.setPlaceholder(new Label("Select records and press Preview redrive to see what would happen"));
        Em.height(previewTable, 13.1);
        previewTable.setId("dlt-preview-table");
        vm.outcomes().addListener((MapChangeListener<String, String>) c -> table.refresh());

        getChildren().addAll(toolbar, table, new Label("Preview"), previewTable);
        setSpacing(4);
        setStyle("-fx-padding: 0.3em 0.6em 0.6em 0.6em;");
        setId("deadletters-view");
    }

    public TableView<DeadLetterView> table() {
        return table;
    }

    private static String format(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private static <T> TableColumn<DeadLetterView, Object> column(String name, double ems,
        java.util.function.Function<DeadLetterView, T> value) {
        TableColumn<DeadLetterView, Object> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(value.apply(c.getValue())));
        Em.width(column, ems);
        return column;
    }

    private static TableColumn<DeadLetterView, Object> outcomeColumn(DeadLettersViewModel vm) {
        TableColumn<DeadLetterView, Object> column = new TableColumn<>("Outcome");
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(vm.outcomes().getOrDefault(
            DeadLettersViewModel.key(c.getValue().partition(), c.getValue().offset()), "")));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? "" : item.toString();
                setText(text);
                getStyleClass().removeAll("outcome-ok", "outcome-bad");
                if (!text.isEmpty()) {
                    getStyleClass().add(text.startsWith("redriven") ? "outcome-ok" : "outcome-bad");
                }
            }
        });
        Em.width(column, 20.0);
        return column;
    }
}
