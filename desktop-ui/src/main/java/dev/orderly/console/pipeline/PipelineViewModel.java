package dev.orderly.console.pipeline;

import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.console.util.UpdateBatcher;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.PartitionLag;
import dev.orderly.model.StuckOrders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    /** A point of the lag chart. */
    public record LagPoint(Instant at, long totalLag, double inPerSecond, double processedPerSecond) {
    }

    /** A change of partition owners between two samples: an instance joined, left or died, and the group moved. */
    public record Rebalance(Instant at, String summary) {
    }

    /** A row of the stuck-orders list: which kind of waiting, and the order. */
    public record StuckRow(String kind, StuckOrders.StuckOrder order) {
    }

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final ObjectProperty<LagSnapshot> latest = new SimpleObjectProperty<>();
    private final ObservableList<PartitionLag> partitions = FXCollections.observableArrayList();
    private final ObservableList<LagPoint> history = FXCollections.observableArrayList();
    private final ObservableList<Rebalance> rebalances = FXCollections.observableArrayList();
    private final StringProperty lastRebalance = new SimpleStringProperty(I18n.t("pipeline.noRebalance"));
    private final BooleanProperty consumersRunning = new SimpleBooleanProperty(true);
    private final StringProperty consumersMessage = new SimpleStringProperty("");
    private final String instance;
    private final StringProperty rates = new SimpleStringProperty("-");
    private final StringProperty totals = new SimpleStringProperty("-");
    private final StringProperty waiting = new SimpleStringProperty("-");
    private final StringProperty stuck = new SimpleStringProperty("-");
    private final BooleanProperty stuckAlarm = new SimpleBooleanProperty(false);
    private final ObservableList<StuckRow> stuckRows = FXCollections.observableArrayList();
    private final StringProperty timeInState = new SimpleStringProperty("");
    private final BooleanProperty brokerUp = new SimpleBooleanProperty(false);
    private final BooleanProperty databaseUp = new SimpleBooleanProperty(false);
    private final StringProperty databaseName = new SimpleStringProperty(I18n.t("pipeline.database"));
    private final StringProperty health = new SimpleStringProperty(I18n.t("pipeline.checking"));
    private final UpdateBatcher<LagSnapshot> updates;

    /**
     * @param instance the name of the backend this console is attached to: stopping consumers acts on that instance
     *     only, and the messages say so
     */
    public PipelineViewModel(OrderlyClient client, TaskRunner runner, String instance) {
        this.client = client;
        this.runner = runner;
        this.instance = instance == null || instance.isBlank() ? I18n.t("pipeline.thisBackend") : instance;
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
        refreshConsumers();
    }

    /** Reads whether the attached backend's order consumers run. */
    public void refreshConsumers() {
        runner.run(client::consumersRunning, consumersRunning::set, error -> { });
    }

    /**
     * Stops the attached backend's order consumers if they run, else starts them: with several backends the
     * partitions move (a rebalance mark on the chart); with one, lag builds up while orders are still accepted.
     */
    public void toggleConsumers() {
        boolean start = !consumersRunning.get();
        runner.run(() -> client.runConsumers(start), running -> {
            consumersRunning.set(running);
            consumersMessage.set(I18n.t(running ? "pipeline.consumers.started" : "pipeline.consumers.stopped",
                instance));
        }, error -> consumersMessage.set(I18n.t(start ? "pipeline.consumers.notStarted"
            : "pipeline.consumers.notStopped", instance, Messages.of(error))));
    }

    public ReadOnlyBooleanProperty consumersRunningProperty() {
        return consumersRunning;
    }

    public ReadOnlyStringProperty consumersMessageProperty() {
        return consumersMessage;
    }

    public void checkHealth() {
        runner.run(client::health, h -> {
            brokerUp.set(h.brokerUp());
            databaseUp.set(h.databaseUp());
            databaseName.set(h.database());
            // In English the client's own line, which also says why the broker is down; else the user's words.
            health.set(I18n.english() ? h.detail() : I18n.t("pipeline.healthLine",
                I18n.t(h.brokerUp() ? "dot.up" : "dot.down"), I18n.t(h.databaseUp() ? "dot.up" : "dot.down")));
        }, error -> health.set(I18n.t("pipeline.unknown")));
    }

    /** Reads time in state and the stuck orders (the list under the charts). */
    public void loadStuck() {
        runner.run(client::stuckOrders, this::showStuck,
            error -> timeInState.set(I18n.t("pipeline.stuck.notLoaded", Messages.of(error))));
    }

    void showStuck(StuckOrders orders) {
        List<StuckRow> rows = new ArrayList<>();
        orders.acceptedNotProcessed().forEach(o -> rows.add(new StuckRow(I18n.t("pipeline.stuck.accepted"), o)));
        orders.neverPaid().forEach(o -> rows.add(new StuckRow(I18n.t("pipeline.stuck.neverPaid"), o)));
        stuckRows.setAll(rows);
        List<String> ages = new ArrayList<>();
        orders.timeInState().forEach(a -> ages.add(I18n.t("pipeline.age", a.status(), String.valueOf(a.orders()),
            human(Duration.ofSeconds(a.oldestSeconds())), human(Duration.ofSeconds(a.averageSeconds())))));
        timeInState.set(I18n.t("pipeline.timeInState", human(Duration.ofSeconds(orders.thresholdSeconds())),
            String.valueOf(orders.acceptedNotProcessedCount()), String.valueOf(orders.neverPaidCount()),
            ages.isEmpty() ? I18n.t("pipeline.noneOnItsWay") : String.join("; ", ages)));
    }

    void apply(LagSnapshot snapshot) {
        if (snapshot == null || snapshot.at() == null) {
            return;
        }
        LagSnapshot previous = latest.get();
        if (previous != null && !snapshot.at().isAfter(previous.at())) {
            return;
        }
        stuckAlarm.set(snapshot.stuckAccepted() > 0);
        String after = snapshot.stuckAfterSeconds() > 0 ? human(Duration.ofSeconds(snapshot.stuckAfterSeconds()))
            : I18n.t("pipeline.theThreshold");
        stuck.set(snapshot.stuckAccepted() == 0 ? I18n.t("pipeline.stuck.noneOver", after)
            : I18n.t("pipeline.stuck.over", String.valueOf(snapshot.stuckAccepted()), after));
        if (previous == null || previous.stuckAccepted() != snapshot.stuckAccepted()) {
            loadStuck();
        }
        latest.set(snapshot);
        if (previous != null) {
            noticeRebalance(previous, snapshot);
        }
        partitions.setAll(snapshot.partitions());
        history.add(new LagPoint(snapshot.at(), snapshot.totalLag(), snapshot.inPerSecond(),
            snapshot.processedPerSecond()));
        Instant cutoff = snapshot.at().minus(WINDOW);
        history.removeIf(p -> p.at().isBefore(cutoff));
        rebalances.removeIf(r -> r.at().isBefore(cutoff));
        rates.set(I18n.t("pipeline.rates", I18n.number(snapshot.inPerSecond(), 1),
            I18n.number(snapshot.processedPerSecond(), 1)));
        totals.set(I18n.t("pipeline.totals", String.valueOf(snapshot.totalLag()), String.valueOf(snapshot.retried()),
            String.valueOf(snapshot.deadLettered())));
        waiting.set(snapshot.oldestPending() == null
            ? I18n.t("pipeline.waiting", String.valueOf(snapshot.pendingPayment()))
            : I18n.t("pipeline.waitingOldest", String.valueOf(snapshot.pendingPayment()),
                human(Duration.between(snapshot.oldestPending(), snapshot.at()))));
    }

    /** Partitions whose owner changed since the previous sample ("processing p3: backend-a-1 -> backend-b-0"). */
    private void noticeRebalance(LagSnapshot previous, LagSnapshot snapshot) {
        Map<String, String> before = owners(previous);
        Map<String, String> after = owners(snapshot);
        List<String> moves = new ArrayList<>();
        after.forEach((partition, owner) -> {
            if (before.containsKey(partition) && !Objects.equals(before.get(partition), owner)) {
                moves.add(partition + ": " + client(before.get(partition)) + " -> " + client(owner));
            }
        });
        if (moves.isEmpty()) {
            return;
        }
        String summary = moves.size() <= 4 ? String.join("; ", moves)
            : I18n.t("pipeline.andMore", String.join("; ", moves.subList(0, 4)), String.valueOf(moves.size() - 4));
        rebalances.add(new Rebalance(snapshot.at(), summary));
        lastRebalance.set(I18n.t("pipeline.rebalanceAt", CLOCK.format(snapshot.at()), summary));
    }

    private static Map<String, String> owners(LagSnapshot snapshot) {
        Map<String, String> owners = new TreeMap<>();
        for (PartitionLag p : snapshot.partitions()) {
            owners.put(partitionName(p), p.owner());
        }
        return owners;
    }

    /** "processing p3" or "retry p0", in the user's words. */
    static String partitionName(PartitionLag p) {
        return I18n.t(p.group().contains("retry") ? "pipeline.partition.retry" : "pipeline.partition.processing",
            String.valueOf(p.partition()));
    }

    /** The member's client id without its host, or "nobody". */
    private static String client(String owner) {
        if (owner == null) {
            return I18n.t("pipeline.nobody");
        }
        int host = owner.indexOf(" @ ");
        return host < 0 ? owner : owner.substring(0, host);
    }

    static String human(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return I18n.t("time.seconds", String.valueOf(seconds));
        }
        if (seconds < 3600) {
            return I18n.t("time.minutes", String.valueOf(seconds / 60), String.valueOf(seconds % 60));
        }
        return I18n.t("time.hours", String.valueOf(seconds / 3600), String.valueOf(seconds % 3600 / 60));
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

    /** The rebalances of the chart's window, oldest first: the lag chart marks each. */
    public ObservableList<Rebalance> rebalances() {
        return rebalances;
    }

    public ReadOnlyStringProperty lastRebalanceProperty() {
        return lastRebalance;
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

    /** "3 accepted, unprocessed over 30 s" (the card that turns red). */
    public ReadOnlyStringProperty stuckProperty() {
        return stuck;
    }

    /** True while an accepted order has waited longer than the backend's threshold for its outcome. */
    public ReadOnlyBooleanProperty stuckAlarmProperty() {
        return stuckAlarm;
    }

    /** The stuck orders, accepted-but-not-processed first, oldest first within each kind. */
    public ObservableList<StuckRow> stuckRows() {
        return stuckRows;
    }

    public ReadOnlyStringProperty timeInStateProperty() {
        return timeInState;
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
