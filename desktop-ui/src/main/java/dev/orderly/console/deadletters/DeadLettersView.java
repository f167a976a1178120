package dev.orderly.console.deadletters;

import dev.orderly.console.util.Messages;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Em;
import dev.orderly.console.util.ExportDialog;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.RedriveOutcome;
import java.time.Instant;
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


    private final TableView<DeadLetterView> table;

    public DeadLettersView(DeadLettersViewModel vm) {
        table = new TableView<>(vm.records());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().setAll(List.of(
            column(I18n.t("dlt.partition"), 4.6, d -> d.partition()),
            column(I18n.t("dlt.offset"), 4.6, d -> d.offset()),
            column(I18n.t("dlt.when"), 13.5, d -> format(d.timestamp())),
            column(I18n.t("dlt.order"), 5.4, d -> d.orderId() == null ? "?" : d.orderId()),
            column(I18n.t("dlt.error"), 36.2, d -> Messages.of(d.note(), d.error())),
            column(I18n.t("dlt.cameFrom"), 13.1,
                d -> d.originTopic() == null ? "" : d.originTopic() + "-" + d.originPartition()
                + "@" + d.originOffset()),
            outcomeColumn(vm)));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(DeadLetterView item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(
                    Messages.of(item.note(), item.error()) + "\n" + item.valuePreview()));
            }
        });
        table.setPlaceholder(new Label(I18n.t("dlt.placeholder")));
        table.setId("dlt-table");
        VBox.setVgrow(table, Priority.ALWAYS);

        Button refresh = new Button(I18n.t("common.refresh"));
        refresh.setOnAction(e -> vm.load());
        refresh.setId("dlt-refresh");
        Button preview = new Button(I18n.t("dlt.preview"));
        preview.setOnAction(e -> vm.preview(List.copyOf(table.getSelectionModel().getSelectedItems())));
        preview.setId("dlt-preview");
        Button redrive = new Button(I18n.t("dlt.redrive"));
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
        TableColumn<RedriveOutcome, String> record = new TableColumn<>(I18n.t("dlt.record"));
        record.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().partition() + "@"
            + c.getValue().offset()));
        TableColumn<RedriveOutcome, String> verdict = new TableColumn<>(I18n.t("dlt.wouldBe"));
        verdict.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().processable()
            ? I18n.t("dlt.wouldBe.processed") : I18n.t("dlt.wouldBe.skipped")));
        Em.width(verdict, 12.3);
        TableColumn<RedriveOutcome, String> why = new TableColumn<>(I18n.t("dlt.why"));
        why.setCellValueFactory(c -> new SimpleObjectProperty<>(Messages.of(c.getValue().note(),
            c.getValue().detail())));
        Em.width(why, 53.8);
        previewTable.getColumns().setAll(List.of(record, verdict, why));
        previewTable.setPlaceholder(new Label(I18n.t("dlt.previewPlaceholder")));
        Em.height(previewTable, 13.1);
        previewTable.setId("dlt-preview-table");
        vm.outcomes().addListener((MapChangeListener<String, String>) c -> table.refresh());

        getChildren().addAll(toolbar, table, new Label(I18n.t("dlt.previewTitle")), previewTable);
        setSpacing(4);
        setStyle("-fx-padding: 0.3em 0.6em 0.6em 0.6em;");
        setId("deadletters-view");
    }

    public TableView<DeadLetterView> table() {
        return table;
    }

    private static String format(Instant at) {
        return at == null ? "" : I18n.dateTime(at);
    }

    private static <T> TableColumn<DeadLetterView, Object> column(String name, double ems,
        java.util.function.Function<DeadLetterView, T> value) {
        TableColumn<DeadLetterView, Object> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(value.apply(c.getValue())));
        Em.width(column, ems);
        return column;
    }

    private static TableColumn<DeadLetterView, Object> outcomeColumn(DeadLettersViewModel vm) {
        TableColumn<DeadLetterView, Object> column = new TableColumn<>(I18n.t("dlt.outcome"));
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
                    getStyleClass().add(vm.redrivenKeys().contains(DeadLettersViewModel.key(
                        getTableRow().getItem().partition(), getTableRow().getItem().offset()))
                        ? "outcome-ok" : "outcome-bad");
                }
            }
        });
        Em.width(column, 20.0);
        return column;
    }
}
