package dev.orderly.console.audit;

import dev.orderly.console.util.Messages;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Em;
import dev.orderly.console.util.ExportDialog;
import dev.orderly.model.AuditAction;
import dev.orderly.model.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The audit trail: one row per staff action, newest first; filter, refresh, export. */
public final class AuditView extends VBox {


    public AuditView(AuditViewModel vm) {
        TableView<AuditEntry> table = new TableView<>(vm.shownEntries());
        table.getColumns().setAll(List.of(
            column(I18n.t("audit.when"), 13.5, e -> format(e.at())),
            column(I18n.t("audit.who"), 13.1, AuditEntry::user),
            column(I18n.t("audit.action"), 14.6, e -> AuditViewModel.describe(e.action())),
            column(I18n.t("audit.on"), 13.1, e -> Messages.of(e.notes().subject(), e.subject())),
            column(I18n.t("audit.detail"), 32.3, e -> Messages.of(e.notes().detail(), e.detail())),
            column(I18n.t("audit.backend"), 11.5, AuditEntry::backend)));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(AuditEntry item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null
                    : new Tooltip(Messages.of(item.notes().detail(), item.detail())));
            }
        });
        table.setPlaceholder(new Label(I18n.t("audit.placeholder")));
        table.setId("audit-table");
        VBox.setVgrow(table, Priority.ALWAYS);

        Button refresh = new Button(I18n.t("common.refresh"));
        refresh.setOnAction(e -> vm.load());
        refresh.setId("audit-refresh");
        ComboBox<AuditAction> filter = new ComboBox<>();
        filter.getItems().add(null);
        filter.getItems().addAll(AuditAction.values());
        filter.setCellFactory(l -> new ActionCell());
        filter.setButtonCell(new ActionCell());
        filter.valueProperty().bindBidirectional(vm.actionProperty());
        filter.setId("audit-filter");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setId("audit-message");
        FlowPane toolbar = new FlowPane(8, 6, refresh, filter, ExportDialog.button("audit-export", "orderly-audit.csv",
            vm::exportCsv), message);
        toolbar.setStyle("-fx-padding: 0.5em; -fx-alignment: center-left;");

        getChildren().addAll(toolbar, table);
        setSpacing(4);
        setStyle("-fx-padding: 0.3em 0.6em 0.6em 0.6em;");
        setId("audit-view");
    }

    private static String format(Instant at) {
        return at == null ? "" : I18n.dateTime(at);
    }

    private static TableColumn<AuditEntry, Object> column(String name, double ems,
        Function<AuditEntry, Object> value) {
        TableColumn<AuditEntry, Object> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(value.apply(c.getValue())));
        Em.width(column, ems);
        return column;
    }

    /** "All actions" for null, else the action's description. */
    private static final class ActionCell extends ListCell<AuditAction> {

        @Override
        protected void updateItem(AuditAction item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? I18n.t("audit.allActions") : AuditViewModel.describe(item));
        }
    }
}
