package dev.orderly.console.deadletters;

import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.CsvExport;
import dev.orderly.console.util.CsvExport.Column;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.RecordRef;
import dev.orderly.model.RedriveOutcome;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/** Dead letters: list, preview what a redrive would do, redrive, and each record's outcome. */
public final class DeadLettersViewModel {

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final ObservableList<DeadLetterView> records = FXCollections.observableArrayList();
    private final ObservableList<RedriveOutcome> preview = FXCollections.observableArrayList();
    private final ObservableMap<String, String> outcomes = FXCollections.observableHashMap();
    private final java.util.Set<String> redrivenKeys = new java.util.HashSet<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public DeadLettersViewModel(OrderlyClient client, TaskRunner runner) {
        this.client = client;
        this.runner = runner;
    }

    /** The records (by {@link #key}) the last redrives sent again. */
    public java.util.Set<String> redrivenKeys() {
        return redrivenKeys;
    }

    public static String key(int partition, long offset) {
        return partition + "@" + offset;
    }

    public void load() {
        busy.set(true);
        runner.run(client::deadLetters, list -> {
            busy.set(false);
            records.setAll(list);
            message.set(list.isEmpty() ? I18n.t("dlt.none") : I18n.t("dlt.count", String.valueOf(list.size())));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("dlt.notLoaded", Messages.of(error)));
        });
    }

    /** Writes the dead letters listed to {@code file} as CSV. */
    public void exportCsv(java.nio.file.Path file) {
        List<DeadLetterView> rows = List.copyOf(records);
        runner.run(() -> CsvExport.write(file, rows,
                new Column<DeadLetterView>("partition", DeadLetterView::partition),
                new Column<DeadLetterView>("offset", DeadLetterView::offset),
                new Column<DeadLetterView>("at", DeadLetterView::timestamp),
                new Column<DeadLetterView>("orderId", DeadLetterView::orderId),
                new Column<DeadLetterView>("eventId", DeadLetterView::eventId),
                new Column<DeadLetterView>("error", DeadLetterView::error),
                new Column<DeadLetterView>("originTopic", DeadLetterView::originTopic),
                new Column<DeadLetterView>("originPartition", DeadLetterView::originPartition),
                new Column<DeadLetterView>("originOffset", DeadLetterView::originOffset),
                new Column<DeadLetterView>("readable", DeadLetterView::readable),
                new Column<DeadLetterView>("record", DeadLetterView::valuePreview)),
            written -> message.set(I18n.t("dlt.exported", String.valueOf(written), file)),
            error -> message.set(I18n.t("orders.notExported", Messages.of(error))));
    }

    /** Asks the backend what a redrive of these records would do; nothing is sent. */
    public void preview(List<DeadLetterView> selected) {
        if (selected.isEmpty()) {
            message.set(I18n.t("dlt.selectFirst"));
            return;
        }
        busy.set(true);
        runner.run(() -> client.previewRedrive(refs(selected)), result -> {
            busy.set(false);
            preview.setAll(result);
            long processable = result.stream().filter(RedriveOutcome::processable).count();
            message.set(I18n.t("dlt.previewed", String.valueOf(processable), String.valueOf(result.size())));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("dlt.previewFailed", Messages.of(error)));
        });
    }

    public void redrive(List<DeadLetterView> selected) {
        if (selected.isEmpty()) {
            message.set(I18n.t("dlt.selectFirst"));
            return;
        }
        busy.set(true);
        runner.run(() -> client.redrive(refs(selected)), result -> {
            busy.set(false);
            preview.clear();
            result.forEach(o -> {
                String key = key(o.partition(), o.offset());
                if (o.redriven()) {
                    redrivenKeys.add(key);
                } else {
                    redrivenKeys.remove(key);
                }
                outcomes.put(key, I18n.t(o.redriven() ? "dlt.outcome.redriven" : "dlt.outcome.notRedriven",
                    Messages.of(o.note(), o.detail())));
            });
            long sent = result.stream().filter(RedriveOutcome::redriven).count();
            message.set(I18n.t("dlt.redriven", String.valueOf(sent), String.valueOf(result.size())));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("dlt.redriveFailed", Messages.of(error)));
        });
    }

    private static List<RecordRef> refs(List<DeadLetterView> selected) {
        return selected.stream().map(d -> new RecordRef(d.partition(), d.offset())).toList();
    }

    public ObservableList<DeadLetterView> records() {
        return records;
    }

    public ObservableList<RedriveOutcome> preview() {
        return preview;
    }

    public ObservableMap<String, String> outcomes() {
        return outcomes;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
