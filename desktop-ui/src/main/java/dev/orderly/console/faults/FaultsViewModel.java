package dev.orderly.console.faults;

import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.AuditEntry;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.SharedSettingsView;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.ProcessingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trainer's panel: the invariant checker, live, and the seed's partial failures one click away. Arming a
 * fault makes the next order fail after its payment; the checker should stay green while it rolls back.
 */
public final class FaultsViewModel {

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final String instance;
    private final BooleanProperty ok = new SimpleBooleanProperty(true);
    private final StringProperty verdict = new SimpleStringProperty(I18n.t("faults.checking"));
    private final StringProperty counts = new SimpleStringProperty("");
    private static final java.time.format.DateTimeFormatter CHANGE_TIME = java.time.format.DateTimeFormatter
        .ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    private final StringProperty armed = new SimpleStringProperty(I18n.t("faults.noneArmed"));
    private final StringProperty lastChanges = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<InvariantReport.Violation> violations = FXCollections.observableArrayList();
    private final ObjectProperty<Latency> latency = new SimpleObjectProperty<>(Latency.DEFAULT);
    private final ObservableList<Latency> latencies = FXCollections.observableArrayList(Latency.PRESETS);
    private final IntegerProperty errorPercent = new SimpleIntegerProperty();
    private final IntegerProperty timeoutPercent = new SimpleIntegerProperty();
    private final BooleanProperty synchronous = new SimpleBooleanProperty();
    private final BooleanProperty controlsLoaded = new SimpleBooleanProperty();
    private final StringProperty gatewayMessage = new SimpleStringProperty("");

    /**
     * A latency range of the payment simulator a trainer picks: one of the presets, or the range the backend has
     * when it matches none (set in Settings or on the command line), so that Apply does not silently replace it.
     */
    public record Latency(String label, long minMs, long maxMs) {

        public static final Latency INSTANT = new Latency(I18n.t("faults.latency.instant"), 0, 0);
        public static final Latency DEFAULT = new Latency(I18n.t("faults.latency.default"), 50, 200);
        public static final Latency SEED = new Latency(I18n.t("faults.latency.seed"), 3_000, 5_000);
        static final List<Latency> PRESETS = List.of(INSTANT, DEFAULT, SEED);

        static Latency of(long minMs, long maxMs) {
            return PRESETS.stream().filter(p -> p.minMs == minMs && p.maxMs == maxMs).findFirst()
                .orElseGet(() -> new Latency(I18n.t("faults.latency.current",
                    minMs == maxMs ? String.valueOf(minMs) : minMs + "-" + maxMs), minMs, maxMs));
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * @param instance the name of the backend this console is attached to: faults and the broker outage act on that
     *     instance only, and the messages say so
     */
    public FaultsViewModel(OrderlyClient client, TaskRunner runner, String instance) {
        this.client = client;
        this.runner = runner;
        this.instance = instance == null || instance.isBlank() ? I18n.t("pipeline.thisBackend") : instance;
    }

    public void refresh() {
        runner.run(client::invariants, this::show, error -> verdict.set(I18n.t("faults.checkerUnavailable",
            Messages.of(error))));
        runner.run(client::sharedSettings, shared -> {
            showArmed(shared.armedFaults());
            lastChanges.set(lastChanges(shared));
        }, error -> { });
        if (!controlsLoaded.get()) {
            // Once: the 2-second refresh must not overwrite what the trainer is typing before Apply.
            runner.run(() -> new Controls(client.gatewaySettings(), client.processingMode()), controls -> {
                showGateway(controls.gateway());
                synchronous.set(controls.mode() == ProcessingMode.SYNCHRONOUS);
                controlsLoaded.set(true);
            }, error -> gatewayMessage.set(I18n.t("faults.gatewayUnavailable", Messages.of(error))));
        }
    }

    private record Controls(GatewaySettingsView gateway, ProcessingMode mode) {
    }

    /** "Faults: armed by trainer-a at 10:15:30; simulator: ..." for what another console changed on this backend. */
    private static String lastChanges(SharedSettingsView shared) {
        List<String> changes = new ArrayList<>();
        change(changes, I18n.t("faults.changed.faults"), shared.faultsChanged());
        change(changes, I18n.t("faults.changed.simulator"), shared.gatewayChanged());
        change(changes, I18n.t("faults.changed.mode"), shared.modeChanged());
        return changes.isEmpty() ? I18n.t("faults.changed.nobody", shared.backend())
            : I18n.t("faults.changed.last", shared.backend(), String.join("; ", changes));
    }

    private static void change(List<String> changes, String what, AuditEntry entry) {
        if (entry != null) {
            changes.add(I18n.t("faults.changed.by", what, entry.user(), CHANGE_TIME.format(entry.at())));
        }
    }

    /** Who changed this backend's faults, simulator and mode last (other consoles share them). */
    public ReadOnlyStringProperty lastChangesProperty() {
        return lastChanges;
    }

    /** Whether the gateway and mode controls show the backend's values yet. */
    public ReadOnlyBooleanProperty controlsLoadedProperty() {
        return controlsLoaded;
    }

    private void showGateway(GatewaySettingsView settings) {
        Latency current = Latency.of(settings.latencyMinMs(), settings.latencyMaxMs());
        List<Latency> choices = new ArrayList<>(Latency.PRESETS);
        if (!choices.contains(current)) {
            choices.add(current);
        }
        latencies.setAll(choices);
        latency.set(current);
        errorPercent.set((int) Math.round(settings.errorRate() * 100));
        timeoutPercent.set((int) Math.round(settings.timeoutRate() * 100));
    }

    /** Sends the gateway's latency, error and time-out rates to the backend; they apply to the next payment. */
    public void applyGateway() {
        int errors = errorPercent.get();
        int timeouts = timeoutPercent.get();
        if (errors < 0 || errors > 100 || timeouts < 0 || timeouts > 100) {
            gatewayMessage.set(I18n.t("faults.rates"));
            return;
        }
        Latency chosen = latency.get();
        GatewaySettingsView update = new GatewaySettingsView(chosen.minMs, chosen.maxMs, errors / 100.0,
            timeouts / 100.0);
        runner.run(() -> client.updateGatewaySettings(update), applied -> {
            showGateway(applied);
            gatewayMessage.set(I18n.t("faults.gatewaySet", latency.get(), String.valueOf(errorPercent.get()),
                String.valueOf(timeoutPercent.get())));
        }, error -> gatewayMessage.set(I18n.t("faults.gatewayNotSet", Messages.of(error))));
    }

    /** Switches between Kafka processing and the seed's synchronous "before". */
    public void switchSynchronous(boolean on) {
        ProcessingMode wanted = on ? ProcessingMode.SYNCHRONOUS : ProcessingMode.KAFKA;
        runner.run(() -> client.switchProcessingMode(wanted), mode -> {
            synchronous.set(mode == ProcessingMode.SYNCHRONOUS);
            gatewayMessage.set(mode.getDescription());
        }, error -> {
            synchronous.set(!on);
            gatewayMessage.set(I18n.t("faults.modeNotSwitched", Messages.of(error)));
        });
    }

    public ObjectProperty<Latency> latencyProperty() {
        return latency;
    }

    /** The presets, and the backend's current range when it is none of them. */
    public ObservableList<Latency> latencies() {
        return latencies;
    }

    public IntegerProperty errorPercentProperty() {
        return errorPercent;
    }

    public IntegerProperty timeoutPercentProperty() {
        return timeoutPercent;
    }

    public ReadOnlyBooleanProperty synchronousProperty() {
        return synchronous;
    }

    public ReadOnlyStringProperty gatewayMessageProperty() {
        return gatewayMessage;
    }

    void show(InvariantReport report) {
        ok.set(report.ok());
        int broken = report.violations().size();
        verdict.set(report.ok() ? I18n.t("faults.allHold") : broken == 1 ? I18n.t("faults.violated.one")
            : I18n.t("faults.violated", String.valueOf(broken)));
        violations.setAll(report.violations());
        counts.set(report.counts().entrySet().stream().map(e -> said("faults.tally." + e.getKey(), e.getKey()) + " "
            + I18n.number(e.getValue())).collect(Collectors.joining("   ")));
    }

    /**
     * What a broken guarantee means, in the user's words when the console knows the checker's rule by its name
     * (in English, and for a rule a newer backend added, the checker's own sentence, which names its limits).
     */
    public static String meaning(InvariantReport.Violation violation) {
        return said("faults.rule." + violation.name(), violation.description());
    }

    private static String said(String key, String otherwise) {
        return !I18n.english() && I18n.has(key) ? I18n.t(key) : otherwise;
    }

    private void showArmed(Map<InjectableFault, Integer> faults) {
        armed.set(faults.isEmpty() ? I18n.t("faults.noneArmed") : I18n.t("faults.armed", faults.entrySet()
            .stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))));
    }

    /** Arms a seed failure for the next order that reaches it. */
    public void trigger(InjectableFault fault) {
        trigger(fault, 1);
    }

    /** Arms a fault for the next {@code times} orders that reach it. */
    public void trigger(InjectableFault fault, int times) {
        runner.run(() -> {
            client.armFault(fault, times);
            return client.armedFaults();
        }, faults -> {
            showArmed(faults);
            message.set(I18n.t("faults.armedOn", fault, instance, whatToDo(fault)));
        }, error -> message.set(I18n.t("faults.notArmed", fault, Messages.of(error))));
    }

    /** What a trainer does next to see the fault just armed. */
    private static String whatToDo(InjectableFault fault) {
        if (fault == InjectableFault.PAYMENT_DECLINED) {
            return I18n.t("faults.todo.declined");
        }
        return switch (fault.getKind()) {
            case DELAY -> I18n.t("faults.todo.delay");
            case INJECTION -> I18n.t("faults.todo.injection");
            default -> I18n.t("faults.todo.rollback");
        };
    }

    /** Stops the embedded broker for a few seconds: payments answer 503 meanwhile, then everything flows again. */
    public void brokerOutage(int seconds) {
        runner.run(() -> {
            client.brokerOutage(seconds);
            return seconds;
        }, s -> message.set(I18n.t("faults.brokerDown", instance, String.valueOf(s))),
            error -> message.set(I18n.t("faults.brokerNotStopped", Messages.of(error))));
    }

    public void disarm() {
        runner.run(() -> {
            client.disarmFaults();
            return client.armedFaults();
        }, faults -> {
            showArmed(faults);
            message.set(I18n.t("faults.disarmed", instance));
        }, error -> message.set(I18n.t("faults.notDisarmed", Messages.of(error))));
    }

    public ReadOnlyBooleanProperty okProperty() {
        return ok;
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    public ReadOnlyStringProperty armedProperty() {
        return armed;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ObservableList<InvariantReport.Violation> violations() {
        return violations;
    }
}
