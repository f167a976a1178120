package dev.orderly.console.faults;

import atlantafx.base.controls.ToggleSwitch;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Em;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.InvariantReport.Violation;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The invariant checker, live, and one button per seed failure. */
public final class FaultsView extends VBox {

    private static String label(InjectableFault fault) {
        return I18n.t("faults.fault." + fault.name());
    }

    public FaultsView(FaultsViewModel vm) {
        Label verdict = new Label();
        verdict.textProperty().bind(vm.verdictProperty());
        verdict.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        vm.okProperty().addListener((o, a, ok) -> verdict.setTextFill(ok ? javafx.scene.paint.Color.web("#1f9d55")
            : javafx.scene.paint.Color.web("#d0342c")));
        verdict.setTextFill(javafx.scene.paint.Color.web("#1f9d55"));
        verdict.setId("faults-verdict");
        Label counts = new Label();
        counts.textProperty().bind(vm.countsProperty());
        counts.getStyleClass().add("muted");
        counts.setWrapText(true);
        counts.setMinHeight(Region.USE_PREF_SIZE);

        TableView<Violation> table = new TableView<>(vm.violations());
        TableColumn<Violation, String> name = new TableColumn<>(I18n.t("faults.invariant"));
        name.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().name()));
        Em.width(name, 17.7);
        TableColumn<Violation, Number> count = new TableColumn<>(I18n.t("faults.count"));
        count.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().count()));
        TableColumn<Violation, String> what = new TableColumn<>(I18n.t("faults.meaning"));
        what.setCellValueFactory(c -> new SimpleObjectProperty<>(FaultsViewModel.meaning(c.getValue())));
        Em.width(what, 32.3);
        TableColumn<Violation, String> examples = new TableColumn<>(I18n.t("faults.examples"));
        examples.setCellValueFactory(c -> new SimpleObjectProperty<>(String.join("; ", c.getValue().examples())));
        Em.width(examples, 32.3);
        table.getColumns().setAll(List.of(name, count, what, examples));
        table.setPlaceholder(new Label(I18n.t("faults.noViolations")));
        table.setId("faults-violations");
        VBox.setVgrow(table, Priority.ALWAYS);

        Label trainer = new Label(I18n.t("faults.trainer"));
        trainer.setWrapText(true);
        trainer.setMinHeight(Region.USE_PREF_SIZE);
        // Wraps instead of cutting the labels short when the window is narrow.
        FlowPane buttons = new FlowPane(8, 8);
        for (InjectableFault fault : InjectableFault.values()) {
            if (fault.isCrash()) {
                continue;
            }
            Button trigger = new Button(label(fault));
            trigger.setTooltip(new javafx.scene.control.Tooltip(I18n.t("faults.tip." + fault.name())));
            trigger.setId("fault-" + fault.name());
            trigger.setMinWidth(Region.USE_PREF_SIZE);
            if (fault == InjectableFault.PAYMENT_DECLINED) {
                // How many: the issuer declines that many payments in a row, then pays again.
                Spinner<Integer> declines = new Spinner<>(1, 50, 3);
                declines.setId("fault-declines");
                Em.width(declines, 5.4);
                declines.setEditable(true);
                declines.setAccessibleText(I18n.t("faults.declines"));
                trigger.setOnAction(e -> vm.trigger(fault, declines.getValue()));
                buttons.getChildren().add(new HBox(4, trigger, declines));
                continue;
            }
            trigger.setOnAction(e -> vm.trigger(fault, fault.getKind() == InjectableFault.Kind.DELAY ? 5 : 1));
            buttons.getChildren().add(trigger);
        }
        Button outage = new Button(I18n.t("faults.outage"));
        outage.setId("fault-broker-outage");
        outage.setTooltip(new javafx.scene.control.Tooltip(I18n.t("faults.outage.tooltip")));
        outage.setMinWidth(Region.USE_PREF_SIZE);
        outage.setOnAction(e -> vm.brokerOutage(10));
        buttons.getChildren().add(outage);
        Button disarm = new Button(I18n.t("faults.disarm"));
        disarm.setOnAction(e -> vm.disarm());
        disarm.setMinWidth(Region.USE_PREF_SIZE);
        buttons.getChildren().add(disarm);
        Label armed = new Label();
        armed.textProperty().bind(vm.armedProperty());
        armed.setId("faults-armed");
        Label lastChanges = new Label();
        lastChanges.textProperty().bind(vm.lastChangesProperty());
        lastChanges.getStyleClass().add("muted");
        lastChanges.setWrapText(true);
        lastChanges.setMinHeight(Region.USE_PREF_SIZE);
        lastChanges.setId("faults-last-changes");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);

        Label title = new Label(I18n.t("faults.title"));
        title.getStyleClass().add("section-title");
        Label checker = new Label(I18n.t("faults.checker"));
        checker.getStyleClass().add("section-title");
        Label gatewayTitle = new Label(I18n.t("faults.gatewayTitle"));
        gatewayTitle.getStyleClass().add("section-title");
        getChildren().addAll(checker, verdict, counts, table, title, trainer, buttons, armed, lastChanges, message,
            gatewayTitle, gatewayControls(vm));
        setSpacing(8);
        setStyle("-fx-padding: 0.8em;");
        setId("faults-view");
    }

    private static VBox gatewayControls(FaultsViewModel vm) {
        ChoiceBox<FaultsViewModel.Latency> latency = new ChoiceBox<>(vm.latencies());
        latency.valueProperty().bindBidirectional(vm.latencyProperty());
        latency.setId("gateway-latency");
        // Wide enough for the longest label ("Current (30-120 ms)") beside the arrow, in either theme.
        Em.minWidth(latency, 15.4);
        Spinner<Integer> errors = percent(vm.errorPercentProperty(), "gateway-errors");
        Spinner<Integer> timeouts = percent(vm.timeoutPercentProperty(), "gateway-timeouts");
        Button apply = new Button(I18n.t("faults.apply"));
        apply.setId("gateway-apply");
        apply.setOnAction(e -> {
            commitTyped(errors);
            commitTyped(timeouts);
            vm.applyGateway();
        });
        HBox gateway = new HBox(8, new Label(I18n.t("faults.latency")), latency,
            new Label(I18n.t("faults.errors")), errors, new Label(I18n.t("faults.timeouts")), timeouts, apply);
        gateway.setAlignment(Pos.CENTER_LEFT);

        ToggleSwitch synchronous = new ToggleSwitch(I18n.t("faults.synchronous"));
        synchronous.setId("processing-synchronous");
        vm.synchronousProperty().addListener((o, was, on) -> synchronous.setSelected(on));
        synchronous.selectedProperty().addListener((o, was, on) -> {
            if (on != vm.synchronousProperty().get()) {
                vm.switchSynchronous(on);
            }
        });
        Label message = new Label();
        message.textProperty().bind(vm.gatewayMessageProperty());
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setId("gateway-message");
        return new VBox(8, gateway, synchronous, message);
    }

    /** Takes what was typed into the spinner; text that is not a number reverts to the last value. */
    private static void commitTyped(Spinner<Integer> spinner) {
        try {
            spinner.commitValue();
        } catch (RuntimeException notANumber) {
            spinner.cancelEdit();
        }
    }

    private static Spinner<Integer> percent(javafx.beans.property.IntegerProperty value, String id) {
        Spinner<Integer> spinner = new Spinner<>(0, 100, value.get(), 5);
        spinner.setEditable(true);
        Em.width(spinner, 6.2);
        spinner.setId(id);
        value.addListener((o, was, now) -> spinner.getValueFactory().setValue(now.intValue()));
        spinner.valueProperty().addListener((o, was, now) -> value.set(now));
        return spinner;
    }
}
