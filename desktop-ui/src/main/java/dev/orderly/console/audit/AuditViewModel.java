package dev.orderly.console.audit;

import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.CsvExport;
import dev.orderly.console.util.CsvExport.Column;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.AuditAction;
import dev.orderly.model.AuditEntry;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The audit trail (staff): who did which staff action when, on which backend; filter by action; export as CSV. */
public final class AuditViewModel {

    static final int LIMIT = 2000;

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> shown = new FilteredList<>(entries);
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    public AuditViewModel(OrderlyClient client, TaskRunner runner) {
        this.client = client;
        this.runner = runner;
        action.addListener((o, was, now) -> {
            shown.setPredicate(now == null ? null : e -> e.action() == now);
            message.set(describe());
        });
    }

    /** Reads the newest entries from the backend. */
    public void load() {
        message.set(I18n.t("audit.loading"));
        runner.run(() -> client.audit(LIMIT), list -> {
            entries.setAll(list);
            message.set(describe());
        }, error -> message.set(I18n.t("audit.notLoaded", Messages.of(error))));
    }

    private String describe() {
        if (entries.isEmpty()) {
            return I18n.t("audit.none");
        }
        String count = shown.size() == 1 ? I18n.t("audit.count.one")
            : I18n.t("audit.count", String.valueOf(shown.size()));
        return action.get() == null ? I18n.t("audit.newestFirst", count)
            : I18n.t("audit.countOf", count, describe(action.get()));
    }

    /** An action in the user's words. */
    public static String describe(AuditAction action) {
        return I18n.t("audit.action." + action.name());
    }

    /** Writes the entries shown (the filter applies) to {@code file}. */
    public void exportCsv(Path file) {
        List<AuditEntry> rows = List.copyOf(shown);
        runner.run(() -> CsvExport.write(file, rows,
                new Column<AuditEntry>("id", AuditEntry::id), new Column<AuditEntry>("at", AuditEntry::at),
                new Column<AuditEntry>("user", AuditEntry::user), new Column<AuditEntry>("action", AuditEntry::action),
                new Column<AuditEntry>("subject", AuditEntry::subject),
                new Column<AuditEntry>("detail", AuditEntry::detail),
                new Column<AuditEntry>("backend", AuditEntry::backend)),
            written -> message.set(I18n.t("audit.exported", String.valueOf(written), file)),
            error -> message.set(I18n.t("orders.notExported", Messages.of(error))));
    }

    public ObservableList<AuditEntry> shownEntries() {
        return shown;
    }

    /** Only this action's entries; null for all. */
    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
