package dev.orderly.console.load;

import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.load.LoadRun.Plan;
import dev.orderly.console.load.LoadRun.Progress;
import dev.orderly.console.load.LoadRun.Sample;
import dev.orderly.console.load.LoadRun.Summary;
import dev.orderly.console.util.TaskRunner;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Load screen (staff): N orders at R per second against the connected backend, with live rates, orders in
 * flight and the 202's latency each second, and a summary at the end. The run itself is a {@link LoadRun} on its
 * own threads; this samples it once a second and hands the figures to the UI thread.
 */
public final class LoadViewModel implements AutoCloseable {

    /** How many one-second samples the charts keep (ten minutes). */
    static final int HISTORY = 600;

    /** A ready-made run; "Custom" keeps whatever the fields hold. */
    public record Preset(String label, int orders, double perSecond) {

        public static final Preset SEED = new Preset(I18n.t("load.preset.seed"), 500,
            500 / 60.0);
        public static final Preset HUNDRED = new Preset(I18n.t("load.preset.hundred"), 2_000, 100);
        public static final Preset FIVE_HUNDRED = new Preset(I18n.t("load.preset.fiveHundred"), 5_000,
            500);
        public static final Preset CUSTOM = new Preset(I18n.t("load.preset.custom"), 0, 0);
        public static final List<Preset> ALL = List.of(SEED, HUNDRED, FIVE_HUNDRED, CUSTOM);

        @Override
        public String toString() {
            return label;
        }
    }

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.SEED);
    private final IntegerProperty orders = new SimpleIntegerProperty(Preset.SEED.orders());
    private final DoubleProperty perSecond = new SimpleDoubleProperty(Preset.SEED.perSecond());
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty(I18n.t("load.pick"));
    private final StringProperty accepted = new SimpleStringProperty("-");
    private final StringProperty finished = new SimpleStringProperty("-");
    private final StringProperty inFlight = new SimpleStringProperty("-");
    private final StringProperty p50 = new SimpleStringProperty("-");
    private final StringProperty p99 = new SimpleStringProperty("-");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<Summary> lastSummary = new SimpleObjectProperty<>();
    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orderly-load-ticker");
        t.setDaemon(true);
        return t;
    });
    private LoadRun run;
    private ScheduledFuture<?> ticks;
    private boolean applyingPreset;

    public LoadViewModel(OrderlyClient client, TaskRunner runner) {
        this.client = client;
        this.runner = runner;
        preset.addListener((o, a, chosen) -> {
            if (chosen != null && chosen != Preset.CUSTOM) {
                applyingPreset = true;
                orders.set(chosen.orders());
                perSecond.set(chosen.perSecond());
                applyingPreset = false;
            }
        });
        // Editing a field of a preset makes it a custom run.
        orders.addListener((o, a, b) -> customised());
        perSecond.addListener((o, a, b) -> customised());
    }

    private void customised() {
        Preset chosen = preset.get();
        if (!applyingPreset && chosen != Preset.CUSTOM
            && (chosen.orders() != orders.get() || chosen.perSecond() != perSecond.get())) {
            preset.set(Preset.CUSTOM);
        }
    }

    /** Starts a run with the fields' plan; says why not, and changes nothing, when the plan is not valid. */
    public void start() {
        if (running.get()) {
            return;
        }
        Plan plan = new Plan(orders.get(), perSecond.get());
        String problem = plan.problem();
        if (problem != null) {
            status.set(problem);
            return;
        }
        samples.clear();
        summary.set("");
        lastSummary.set(null);
        progress.set(0);
        running.set(true);
        status.set(I18n.t("load.creating", I18n.number(plan.orders())));
        LoadRun started = new LoadRun(client, plan);
        run = started;
        started.start();
        ticks = ticker.scheduleAtFixedRate(() -> tick(started), 1, 1, TimeUnit.SECONDS);
        started.summary().whenComplete((result, failure) -> runner.onUi(() -> ended(started, result)));
    }

    /** Stops sending; orders already sent are still counted while they finish. */
    public void stop() {
        LoadRun current = run;
        if (current != null && running.get()) {
            current.stop();
            status.set(I18n.t("load.stopping"));
        }
    }

    private void tick(LoadRun current) {
        Sample sample = current.sample();
        Progress now = current.progress();
        runner.onUi(() -> {
            if (current != run) {
                return;
            }
            if (samples.size() >= HISTORY) {
                samples.remove(0);
            }
            samples.add(sample);
            show(now, sample);
        });
    }

    private void show(Progress now, Sample sample) {
        progress.set(now.fraction());
        accepted.set(I18n.number(sample.acceptedPerSecond(), 0) + "/s");
        finished.set(I18n.number(sample.finishedPerSecond(), 0) + "/s");
        inFlight.set(I18n.number(now.inFlight()));
        p50.set(Double.isNaN(sample.p50Millis()) ? "-" : I18n.number(sample.p50Millis(), 1) + " ms");
        p99.set(Double.isNaN(sample.p99Millis()) ? "-" : I18n.number(sample.p99Millis(), 1) + " ms");
        status.set(switch (now.phase()) {
            case PREPARING -> I18n.t("load.preparing", I18n.number(now.prepared()),
                I18n.number(now.orders()));
            case SENDING -> I18n.t("load.sending", I18n.number(now.sent()), I18n.number(now.orders()),
                I18n.number(now.completed() + now.failed()));
            case FINISHING -> I18n.t("load.finishing", I18n.number(now.inFlight()));
            case DONE -> I18n.t("load.done");
        });
    }

    private void ended(LoadRun current, Summary result) {
        if (current != run) {
            return;
        }
        if (ticks != null) {
            ticks.cancel(false);
        }
        current.close();
        running.set(false);
        if (result == null) {
            status.set(I18n.t("load.failed"));
            return;
        }
        Progress end = current.progress();
        progress.set(end.fraction());
        inFlight.set(I18n.number(end.inFlight()));
        status.set(I18n.t(result.stopped() ? "load.stopped" : "load.doneDot"));
        summary.set(describe(result));
        // Last: whoever waits for the summary finds the status and the text already said.
        lastSummary.set(result);
    }

    static String describe(Summary s) {
        StringBuilder text = new StringBuilder(I18n.t("load.summary", I18n.number(s.orders()),
            I18n.number(s.duration().toMillis() / 1000.0, 1), I18n.number(s.accepted()),
            I18n.number(s.completed()), I18n.number(s.failed())));
        if (s.rejected() > 0) {
            text.append(I18n.t("load.summary.refused", I18n.number(s.rejected())));
        }
        if (s.unfinished() > 0) {
            text.append(I18n.t("load.summary.unfinished", I18n.number(s.unfinished())));
        }
        if (s.orders() > s.accepted() + s.rejected()) {
            text.append(I18n.t("load.summary.notSent", I18n.number(s.orders() - s.accepted() - s.rejected())));
        }
        text.append(Double.isNaN(s.p50Millis()) ? "." : I18n.t("load.summary.latency",
            I18n.number(s.p50Millis(), 1), I18n.number(s.p99Millis(), 1)));
        if (s.firstError() != null) {
            text.append(I18n.t("load.summary.firstError", s.firstError()));
        }
        return text.toString();
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public IntegerProperty ordersProperty() {
        return orders;
    }

    public DoubleProperty perSecondProperty() {
        return perSecond;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty acceptedProperty() {
        return accepted;
    }

    public ReadOnlyStringProperty finishedProperty() {
        return finished;
    }

    public ReadOnlyStringProperty inFlightProperty() {
        return inFlight;
    }

    public ReadOnlyStringProperty p50Property() {
        return p50;
    }

    public ReadOnlyStringProperty p99Property() {
        return p99;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** The last run's summary, or null while none has ended. */
    public ObjectProperty<Summary> lastSummaryProperty() {
        return lastSummary;
    }

    /** One sample a second of the current (or last) run, at most ten minutes. */
    public ObservableList<Sample> samples() {
        return samples;
    }

    @Override
    public void close() {
        LoadRun current = run;
        if (current != null) {
            current.close();
        }
        ticker.shutdownNow();
    }
}
