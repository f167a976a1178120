package dev.orderly.console.alerts;

import dev.orderly.console.util.I18n;
import dev.orderly.console.alerts.Alert.Where;
import dev.orderly.console.alerts.Watch.CheckerWatch;
import dev.orderly.console.alerts.Watch.CustomerWatch;
import dev.orderly.console.alerts.Watch.DeadLetterWatch;
import dev.orderly.console.alerts.Watch.LagWatch;
import dev.orderly.console.alerts.Watch.OrderWatch;
import dev.orderly.console.alerts.Watch.OutageWatch;
import dev.orderly.console.alerts.Watch.StuckWatch;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.StuckOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Alerts for any order and any trouble (staff): the watches a desk added, remembered between runs, checked against
 * the live status feed (whoever submitted the order: another console, the REST API, a load run), the pipeline's
 * snapshots, and a check every few seconds (health, stuck orders, the invariant checker). Each alert goes to the
 * list behind the bell and to a toast; a flood becomes one summary toast, not hundreds. Conditions (an outage, lag,
 * the checker red) are raised once and cleared once.
 */
public final class AlertsViewModel {

    /** Toasts shown one by one within a window; more become one summary at the window's end. */
    static final int TOASTS_PER_WINDOW = 3;
    static final Duration TOAST_WINDOW = Duration.ofSeconds(5);
    private static final int KEPT = 500;

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final WatchStore store;
    private final Clock clock;
    private final ObservableList<Watch> watches = FXCollections.observableArrayList();
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObservableList<String> active = FXCollections.observableArrayList();
    private final IntegerProperty unread = new SimpleIntegerProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private Consumer<String> toast = text -> { };
    private final Deque<Instant> toasted = new ArrayDeque<>();
    private int held;
    private Long deadLetteredSeen;
    private Instant lagOverSince;
    private final Set<Long> stuckSeen = new HashSet<>();

    public AlertsViewModel(OrderlyClient client, TaskRunner runner, WatchStore store, Clock clock) {
        this.client = client;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        watches.setAll(store.load());
    }

    /** Where toasts go (the shell's notifications). */
    public void toasts(Consumer<String> sink) {
        this.toast = sink;
    }

    /** Subscribes to the live feeds; returns the unsubscribe action. */
    public Runnable listen() {
        Runnable changes = client.onStatusChange(change -> runner.onUi(() -> onStatusChange(change)));
        Runnable pipeline = client.onPipeline(snapshot -> runner.onUi(() -> onSnapshot(snapshot)));
        return () -> {
            changes.run();
            pipeline.run();
        };
    }

    // Watches

    /** Adds a watch and remembers it; a watch already there is not added twice. */
    public boolean add(Watch watch) {
        if (watches.contains(watch)) {
            message.set(I18n.t("alerts.already", watch));
            return false;
        }
        watches.add(watch);
        return remember(I18n.t("alerts.watching", watch));
    }

    public void remove(Watch watch) {
        if (watches.remove(watch)) {
            remember(I18n.t("alerts.stopped", watch));
        }
    }

    /** Adds the order watch the text names; says why when it names none. */
    public boolean watchOrder(String text) {
        try {
            long id = Long.parseLong(text.strip().replace("#", ""));
            if (id > 0) {
                return add(new OrderWatch(id));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        message.set(I18n.t("alerts.badOrder"));
        return false;
    }

    public boolean watchCustomer(String text) {
        String email = text.strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            message.set(I18n.t("alerts.badCustomer"));
            return false;
        }
        return add(new CustomerWatch(email));
    }

    public boolean watchStuck(String seconds) {
        Integer value = whole(seconds, 1, 86_400, I18n.t("alerts.badStuck"));
        return value != null && add(new StuckWatch(value));
    }

    public boolean watchLag(String records, String seconds) {
        Integer over = whole(records, 1, 100_000_000, I18n.t("alerts.badLag"));
        Integer during = over == null ? null : whole(seconds, 1, 3_600, I18n.t("alerts.badLagSeconds"));
        return during != null && add(new LagWatch(over, during));
    }

    private Integer whole(String text, int min, int max, String rule) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        message.set(rule);
        return null;
    }

    private boolean remember(String done) {
        try {
            store.save(watches);
            message.set(done);
            return true;
        } catch (RuntimeException e) {
            message.set(I18n.t("alerts.notRemembered", done, Messages.of(e)));
            return true;
        }
    }

    private boolean watching(Class<? extends Watch> kind) {
        return watches.stream().anyMatch(kind::isInstance);
    }

    // What raises alerts

    void onStatusChange(OrderStatusChanged change) {
        String owner = change.userEmail() == null ? "" : change.userEmail().toLowerCase(Locale.ROOT);
        boolean watched = watches.stream().anyMatch(w -> w instanceof OrderWatch o && o.orderId() == change.orderId()
            || w instanceof CustomerWatch c && c.email().equals(owner));
        if (watched) {
            raise(Alert.onOrder(clock.instant(), change.orderId(), I18n.t("alerts.order.title",
                String.valueOf(change.orderId()), I18n.status(change.to())),
                (change.from() == null ? "" : change.from() + " -> ") + change.to()
                    + (change.reason() == null ? "" : " (" + Messages.of(change.note(), change.reason()) + ")")
                    + (owner.isEmpty() ? "" : ", " + owner)));
        }
    }

    void onSnapshot(LagSnapshot snapshot) {
        if (watching(DeadLetterWatch.class) && deadLetteredSeen != null
            && snapshot.deadLettered() > deadLetteredSeen) {
            long more = snapshot.deadLettered() - deadLetteredSeen;
            raise(Alert.about(clock.instant(), I18n.t("alerts.dlt.title", String.valueOf(more)),
                I18n.t("alerts.dlt.text", String.valueOf(more), String.valueOf(snapshot.deadLettered())),
                Where.DEAD_LETTERS));
        }
        deadLetteredSeen = snapshot.deadLettered();
        for (Watch watch : watches) {
            if (watch instanceof LagWatch lag) {
                onLag(lag, snapshot.totalLag());
            }
        }
    }

    private void onLag(LagWatch watch, long lag) {
        String condition = "Lag over " + watch.records();
        Instant now = clock.instant();
        if (lag > watch.records()) {
            lagOverSince = lagOverSince == null ? now : lagOverSince;
            if (!active.contains(condition)
                && !Duration.between(lagOverSince, now).minusSeconds(watch.seconds()).isNegative()) {
                raiseCondition(condition, Alert.about(now, I18n.t("alerts.lag.title", String.valueOf(watch.records())),
                    I18n.t("alerts.lag.text", String.valueOf(lag),
                        String.valueOf(Duration.between(lagOverSince, now).toSeconds())), Where.PIPELINE));
            }
        } else {
            lagOverSince = null;
            clearCondition(condition, Alert.about(now, I18n.t("alerts.lagBack.title", String.valueOf(watch.records())),
                I18n.t("alerts.lagBack.text", String.valueOf(lag)),
                Where.PIPELINE));
        }
    }

    /** The periodic check (every few seconds): health, stuck orders and the checker, only for what is watched. */
    public void check() {
        if (watching(OutageWatch.class)) {
            runner.run(client::health, h -> onHealth(h.brokerUp(), h.databaseUp(), h.detail()), e -> { });
        }
        for (Watch watch : watches) {
            if (watch instanceof StuckWatch stuck) {
                runner.run(() -> client.stuckOrders(stuck.seconds()), orders -> onStuck(stuck, orders), e -> { });
            }
        }
        if (watching(CheckerWatch.class)) {
            runner.run(client::invariants, this::onChecker, e -> { });
        }
    }

    void onHealth(boolean broker, boolean database, String detail) {
        Instant now = clock.instant();
        if (broker) {
            clearCondition("Broker down", Alert.about(now, I18n.t("alerts.brokerBack"), detail, Where.PIPELINE));
        } else {
            raiseCondition("Broker down", Alert.about(now, I18n.t("alerts.brokerDown"), detail, Where.PIPELINE));
        }
        if (database) {
            clearCondition("Database down", Alert.about(now, I18n.t("alerts.databaseBack"), detail, Where.PIPELINE));
        } else {
            raiseCondition("Database down", Alert.about(now, I18n.t("alerts.databaseDown"), detail, Where.PIPELINE));
        }
    }

    void onStuck(StuckWatch watch, StuckOrders orders) {
        for (StuckOrders.StuckOrder order : orders.acceptedNotProcessed()) {
            if (order.waitingSeconds() > watch.seconds() && stuckSeen.add(order.orderId())) {
                raise(Alert.onOrder(clock.instant(), order.orderId(), I18n.t("alerts.stuck.title",
                    String.valueOf(order.orderId())),
                    I18n.t("alerts.stuck.text", String.valueOf(order.waitingSeconds()), order.status(), order.user())));
            }
        }
    }

    void onChecker(InvariantReport report) {
        Instant now = clock.instant();
        if (report.ok()) {
            clearCondition("Checker red", Alert.about(now, I18n.t("alerts.checkerGreen"),
                I18n.t("alerts.checkerGreen.text"),
                Where.FAULTS));
        } else {
            String broken = String.join(", ", report.violations().stream().map(v -> v.name() + " x" + v.count())
                .toList());
            raiseCondition("Checker red", Alert.about(now, I18n.t("alerts.checkerRed"), broken, Where.FAULTS));
        }
    }

    private void raiseCondition(String condition, Alert alert) {
        if (!active.contains(condition)) {
            active.add(condition);
            raise(alert);
        }
    }

    private void clearCondition(String condition, Alert alert) {
        if (active.remove(condition)) {
            raise(alert);
        }
    }

    // The list and the toasts

    void raise(Alert alert) {
        alerts.add(0, alert);
        if (alerts.size() > KEPT) {
            alerts.remove(KEPT, alerts.size());
        }
        unread.set(unread.get() + 1);
        Instant now = alert.at();
        while (!toasted.isEmpty() && toasted.peekFirst().isBefore(now.minus(TOAST_WINDOW))) {
            toasted.removeFirst();
        }
        if (toasted.isEmpty() && held > 0) {
            flush();
        }
        if (toasted.size() < TOASTS_PER_WINDOW) {
            toasted.addLast(now);
            toast.accept(alert.toString());
        } else {
            held++;
        }
    }

    /** The alerts held back during a flood, as one toast (called when the window has passed). */
    public void flush() {
        if (held > 0) {
            int count = held;
            held = 0;
            toast.accept(I18n.t("alerts.more", String.valueOf(count)));
        }
    }

    /** Called every few seconds on the UI thread: a flood that has ended gets its summary. */
    public void tick() {
        Instant now = clock.instant();
        if (held > 0 && (toasted.isEmpty() || toasted.peekLast().isBefore(now.minus(TOAST_WINDOW)))) {
            toasted.clear();
            flush();
        }
    }

    public void markAllRead() {
        unread.set(0);
    }

    public ObservableList<Watch> watches() {
        return watches;
    }

    /** Newest first. */
    public ObservableList<Alert> alerts() {
        return alerts;
    }

    /** The conditions raised and not yet cleared (an outage, lag, the checker red). */
    public ObservableList<String> active() {
        return active;
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
