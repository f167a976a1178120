package dev.orderly.console.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.console.util.I18n;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.ProcessingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final FaultsViewModel vm = new FaultsViewModel(client, new DirectTaskRunner(), "backend-a");

    @Test
    void showsTheCheckersVerdictAndViolations() {
        client.report = new InvariantReport(Instant.now(), false, Map.of("accepted", 3L), List.of(
            new InvariantReport.Violation("double-capture", "money taken twice", 1, List.of("order 7"))));
        vm.refresh();
        assertThat(vm.okProperty().get()).isFalse();
        assertThat(vm.verdictProperty().get()).isEqualTo("1 invariant violated");
        assertThat(vm.violations()).extracting(InvariantReport.Violation::name).containsExactly("double-capture");
        assertThat(vm.countsProperty().get()).isEqualTo("accepted 3");
        assertThat(FaultsViewModel.meaning(vm.violations().get(0))).isEqualTo("money taken twice");
    }

    @Test
    void inKoreanTheCheckersRulesAndTalliesAreSaidByTheirNamesAndAnUnknownRuleAsTheBackendSaysIt() {
        try {
            I18n.use(Locale.KOREAN);
            FaultsViewModel korean = new FaultsViewModel(client, new DirectTaskRunner(), "backend-a");
            client.report = new InvariantReport(Instant.now(), false, Map.of("accepted", 12_500L), List.of(
                new InvariantReport.Violation("double-capture", "money taken twice", 1, List.of("order 7")),
                new InvariantReport.Violation("some-new-rule", "a rule this console does not know", 1, List.of())));
            korean.refresh();
            assertThat(korean.countsProperty().get()).isEqualTo("접수 12,500");
            assertThat(FaultsViewModel.meaning(korean.violations().get(0))).isEqualTo("돈이 두 번 이상 빠져나간 주문");
            assertThat(FaultsViewModel.meaning(korean.violations().get(1)))
                .isEqualTo("a rule this console does not know");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    @Test
    void showsWhoChangedTheSharedSettingsLastAndWhatIsArmed() {
        vm.refresh();
        assertThat(vm.lastChangesProperty().get()).isEqualTo("Nobody has changed faults, simulator or mode since"
            + " recording started");
        client.faults.put(InjectableFault.SHIPMENT_FAILS, 2);
        client.gatewayChanged = new dev.orderly.model.AuditEntry(4, Instant.parse("2026-11-27T10:15:30Z"),
            "trainer-b@example.com", dev.orderly.model.AuditAction.GATEWAY_CHANGED, "latency 0-0 ms", "was ...",
            "recording");
        vm.refresh();
        assertThat(vm.armedProperty().get()).contains("SHIPMENT_FAILS");
        assertThat(vm.lastChangesProperty().get()).startsWith("Last changed on recording: simulator by"
            + " trainer-b@example.com at ");
    }

    @Test
    void triggersASeedFailureOnceAndDisarms() {
        vm.trigger(InjectableFault.WAREHOUSE_FAILS);
        assertThat(client.calls).containsExactly("arm WAREHOUSE_FAILS 1");
        assertThat(vm.armedProperty().get()).isEqualTo("Armed: WAREHOUSE_FAILS x1");
        vm.disarm();
        assertThat(vm.armedProperty().get()).isEqualTo("No faults armed");
    }

    @Test
    void setsTheGatewaysLatencyAndRatesAndRefusesImpossibleRates() {
        vm.refresh();
        vm.latencyProperty().set(FaultsViewModel.Latency.SEED);
        vm.errorPercentProperty().set(20);
        vm.timeoutPercentProperty().set(5);
        vm.applyGateway();
        assertThat(client.gatewaySettings()).isEqualTo(new GatewaySettingsView(3_000, 5_000, 0.2, 0.05));
        assertThat(vm.gatewayMessageProperty().get()).contains("20% errors");

        client.calls.clear();
        vm.errorPercentProperty().set(120);
        vm.applyGateway();
        assertThat(client.calls).isEmpty();
        assertThat(vm.gatewayMessageProperty().get()).contains("nothing was changed");
    }

    @Test
    void aLatencyRangeFromSettingsIsShownAsItIsAndKeptWhenOnlyTheRatesChange() {
        client.gateway = new GatewaySettingsView(30, 120, 0, 0);
        vm.refresh();
        assertThat(vm.latencyProperty().get().label()).isEqualTo("Current (30-120 ms)");
        assertThat(vm.latencies()).hasSize(4).contains(FaultsViewModel.Latency.SEED);

        vm.errorPercentProperty().set(10);
        vm.applyGateway();
        assertThat(client.gatewaySettings()).isEqualTo(new GatewaySettingsView(30, 120, 0.1, 0));
        assertThat(vm.gatewayMessageProperty().get()).startsWith("Gateway: Current (30-120 ms), 10% errors");
    }

    @Test
    void theLiveRefreshDoesNotOverwriteWhatTheTrainerIsTyping() {
        vm.refresh();
        assertThat(vm.controlsLoadedProperty().get()).isTrue();
        vm.errorPercentProperty().set(35);
        vm.refresh();
        assertThat(vm.errorPercentProperty().get()).isEqualTo(35);
    }

    @Test
    void switchesToTheSeedsSynchronousModeAndBack() {
        vm.switchSynchronous(true);
        assertThat(client.calls).containsExactly("mode SYNCHRONOUS");
        assertThat(vm.synchronousProperty().get()).isTrue();
        vm.switchSynchronous(false);
        assertThat(client.mode).isEqualTo(ProcessingMode.KAFKA);
        assertThat(vm.synchronousProperty().get()).isFalse();
    }

    @Test
    void stagesABrokerOutage() {
        vm.brokerOutage(10);
        assertThat(client.calls).containsExactly("outage 10");
        // Faults act on the backend the console is attached to, and the message says which.
        assertThat(vm.messageProperty().get()).contains("503").contains("backend-a");
    }

    @Test
    void armsTheSlowConsumerForSeveralOrders() {
        vm.trigger(InjectableFault.SLOW_CONSUMER, 5);
        assertThat(client.calls).containsExactly("arm SLOW_CONSUMER 5");
        assertThat(vm.messageProperty().get()).contains("lag").contains("armed on backend-a");
    }
}
