package dev.orderly.console.faults;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.InvariantReport;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
    private final BooleanProperty ok = new SimpleBooleanProperty(true);
    private final StringProperty verdict = new SimpleStringProperty("Checking...");
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty armed = new SimpleStringProperty("No faults armed");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<InvariantReport.Violation> violations = FXCollections.observableArrayList();

    public FaultsViewModel(OrderlyClient client, TaskRunner runner) {
        this.client = client;
        this.runner = runner;
    }

    public void refresh() {
        runner.run(client::invariants, this::show, error -> verdict.set("Checker unavailable: "
            + Messages.of(error)));
        runner.run(client::armedFaults, this::showArmed, error -> { });
    }

    void show(InvariantReport report) {
        ok.set(report.ok());
        verdict.set(report.ok() ? "All invariants hold" : report.violations().size() + " invariants violated");
        violations.setAll(report.violations());
        counts.set(report.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining("   ")));
    }

    private void showArmed(Map<InjectableFault, Integer> faults) {
        armed.set(faults.isEmpty() ? "No faults armed" : "Armed: " + faults.entrySet().stream()
            .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
    }

    /** Arms a seed failure for the next order that reaches it. */
    public void trigger(InjectableFault fault) {
        runner.run(() -> {
            client.armFault(fault, 1);
            return client.armedFaults();
        }, faults -> {
            showArmed(faults);
            message.set(fault + " armed: submit an order and watch it roll back, void its charge and retry");
        }, error -> message.set("Could not arm " + fault + ": " + Messages.of(error)));
    }

    public void disarm() {
        runner.run(() -> {
            client.disarmFaults();
            return client.armedFaults();
        }, faults -> {
            showArmed(faults);
            message.set("All faults disarmed");
        }, error -> message.set("Could not disarm: " + Messages.of(error)));
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
