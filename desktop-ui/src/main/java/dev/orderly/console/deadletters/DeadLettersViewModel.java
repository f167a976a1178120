package dev.orderly.console.deadletters;

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
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public DeadLettersViewModel(OrderlyClient client, TaskRunner runner) {
        this.client = client;
        this.runner = runner;
    }

    public static String key(int partition, long offset) {
        return partition + "@" + offset;
    }

    public void load() {
        busy.set(true);
        runner.run(client::deadLetters, list -> {
            busy.set(false);
            records.setAll(list);
            message.set(list.isEmpty() ? "No dead letters" : list.size() + " dead letters");
        }, error -> {
            busy.set(false);
            message.set("Could not read the DLT: " + Messages.of(error));
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
            written -> message.set("Exported " + written + " dead letters to " + file),
            error -> message.set("Not exported: " + Messages.of(error)));
    }

    /** Asks the backend what a redrive of these records would do; nothing is sent. */
    public void preview(List<DeadLetterView> selected) {
        if (selected.isEmpty()) {
            message.set("Select one or more dead letters first");
            return;
        }
        busy.set(true);
        runner.run(() -> client.previewRedrive(refs(selected)), result -> {
            busy.set(false);
            preview.setAll(result);
            long processable = result.stream().filter(RedriveOutcome::processable).count();
            message.set(processable + " of " + result.size() + " would be processed again");
        }, error -> {
            busy.set(false);
            message.set("Preview failed: " + Messages.of(error));
        });
    }

    public void redrive(List<DeadLetterView> selected) {
        if (selected.isEmpty()) {
            message.set("Select one or more dead letters first");
            return;
        }
        busy.set(true);
        runner.run(() -> client.redrive(refs(selected)), result -> {
            busy.set(false);
            preview.clear();
            result.forEach(o -> outcomes.put(key(o.partition(), o.offset()),
                (o.redriven() ? "redriven: " : "not redriven: ") + o.detail()));
            long sent = result.stream().filter(RedriveOutcome::redriven).count();
            message.set(sent + " of " + result.size() + " redriven");
        }, error -> {
            busy.set(false);
            message.set("Redrive failed: " + Messages.of(error));
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
