package dev.orderly.console.pipeline;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.console.util.UpdateBatcher;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.PartitionLag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pipeline screen's data: lag per group and partition, the last ten minutes of total lag, rates, retry and
 * DLT totals, orders waiting for payment, and broker/database health.
 */
public final class PipelineViewModel {

    static final Duration WINDOW = Duration.ofMinutes(10);

    /** A point of the lag chart. */
    public record LagPoint(Instant at, long totalLag, double inPerSecond, double processedPerSecond) {
    }

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final ObjectProperty<LagSnapshot> latest = new SimpleObjectProperty<>();
    private final ObservableList<PartitionLag> partitions = FXCollections.observableArrayList();
    private final ObservableList<LagPoint> history = FXCollections.observableArrayList();
    private final StringProperty rates = new SimpleStringProperty("-");
    private final StringProperty totals = new SimpleStringProperty("-");
    private final StringProperty waiting = new SimpleStringProperty("-");
    private final BooleanProperty brokerUp = new SimpleBooleanProperty(false);
    private final BooleanProperty databaseUp = new SimpleBooleanProperty(false);
    private final StringProperty databaseName = new SimpleStringProperty("Database");
    private final StringProperty health = new SimpleStringProperty("checking...");
    private final UpdateBatcher<LagSnapshot> updates;

    public PipelineViewModel(OrderlyClient client, TaskRunner runner) {
        this.client = client;
        this.runner = runner;
        this.updates = new UpdateBatcher<>(runner, batch -> batch.forEach(this::apply));
    }

    public Runnable listen() {
        return client.onPipeline(updates::offer);
    }

    public void offer(LagSnapshot snapshot) {
        updates.offer(snapshot);
    }

    public void refresh() {
        runner.run(client::lag, this::apply, error -> { });
        checkHealth();
    }

    public void checkHealth() {
        runner.run(client::health, h -> {
            brokerUp.set(h.brokerUp());
            databaseUp.set(h.databaseUp());
            databaseName.set(h.database());
            health.set(h.detail());
        }, error -> health.set("unknown"));
    }

    void apply(LagSnapshot snapshot) {
        if (snapshot == null || snapshot.at() == null) {
            return;
        }
        LagSnapshot previous = latest.get();
        if (previous != null && !snapshot.at().isAfter(previous.at())) {
            return;
        }
        latest.set(snapshot);
        partitions.setAll(snapshot.partitions());
        history.add(new LagPoint(snapshot.at(), snapshot.totalLag(), snapshot.inPerSecond(),
            snapshot.processedPerSecond()));
        Instant cutoff = snapshot.at().minus(WINDOW);
        history.removeIf(p -> p.at().isBefore(cutoff));
        rates.set(String.format("%.1f events/s in, %.1f processed/s", snapshot.inPerSecond(),
            snapshot.processedPerSecond()));
        totals.set("lag " + snapshot.totalLag() + ", retried " + snapshot.retried() + ", dead letters "
            + snapshot.deadLettered());
        waiting.set(snapshot.pendingPayment() + " orders waiting in PENDING_PAYMENT" + (snapshot.oldestPending() == null
            ? "" : ", oldest for " + human(Duration.between(snapshot.oldestPending(), snapshot.at()))));
    }

    static String human(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    public ReadOnlyObjectProperty<LagSnapshot> latestProperty() {
        return latest;
    }

    public ObservableList<PartitionLag> partitions() {
        return partitions;
    }

    public ObservableList<LagPoint> history() {
        return history;
    }

    public ReadOnlyStringProperty ratesProperty() {
        return rates;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals;
    }

    public ReadOnlyStringProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyBooleanProperty brokerUpProperty() {
        return brokerUp;
    }

    /** The database product behind the backend: "H2" or "PostgreSQL". */
    public ReadOnlyStringProperty databaseNameProperty() {
        return databaseName;
    }

    public ReadOnlyBooleanProperty databaseUpProperty() {
        return databaseUp;
    }

    public ReadOnlyStringProperty healthProperty() {
        return health;
    }

    List<LagPoint> historySnapshot() {
        return List.copyOf(history);
    }
}
