package dev.orderly.console.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.api.ApiCallException;
import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.ProcessingMode;
import dev.orderly.model.RecordRef;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LessonViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final LessonViewModel vm = new LessonViewModel(client, new DirectTaskRunner());

    @Test
    void stepOneIsTheSeedsSynchronousModeWithItsSlowGateway() {
        vm.run(1);
        assertThat(client.calls).containsSubsequence("disarm", "gateway 0.0", "mode SYNCHRONOUS", "createOrder 1");
        assertThat(client.gatewaySettings()).isEqualTo(new GatewaySettingsView(3_000, 5_000, 0, 0));
        assertThat(client.mode).isEqualTo(ProcessingMode.SYNCHRONOUS);
        assertThat(vm.currentProperty().get()).isEqualTo(1);
        assertThat(vm.messageProperty().get()).startsWith("Step 1: Order #100 answered after");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void stepTwoBreaksIntegrityOnPurposeAndReconcileRepairsIt() {
        vm.run(2);
        assertThat(client.mode).isEqualTo(ProcessingMode.PAYMENT_ONLY);
        assertThat(client.faults).containsEntry(InjectableFault.SHIPMENT_FAILS, 1);
        assertThat(client.calls).anyMatch(c -> c.startsWith("pay 100"));
        assertThat(vm.messageProperty().get()).contains("Order #100 accepted (202)").contains("Reconcile");

        vm.reconcile();
        assertThat(vm.messageProperty().get()).contains("Nothing to reconcile yet");
        client.paidButUnfinished.add(100L);
        vm.reconcile();
        assertThat(vm.messageProperty().get()).isEqualTo(
            "Step 2: Refunded order(s) #100: the money is back and the checker turns green.");
    }

    @Test
    void stepsThreeToFiveArmTheirFaultsOnTheFinalDesign() {
        vm.run(3);
        assertThat(client.mode).isEqualTo(ProcessingMode.KAFKA);
        assertThat(client.faults).containsOnlyKeys(InjectableFault.SHIPMENT_FAILS);
        vm.run(4);
        assertThat(client.faults).containsOnlyKeys(InjectableFault.DUPLICATE_DELIVERY);
        vm.run(5);
        assertThat(client.faults).containsOnlyKeys(InjectableFault.POISON_RECORD);
        assertThat(client.gatewaySettings().errorRate()).isEqualTo(1.0);

        vm.redrive();
        assertThat(vm.messageProperty().get()).contains("No dead letters of order #102 yet");
        // Someone else's dead letters are on the backend too: the lesson leaves them alone.
        client.deadLetters.add(new DeadLetterView(0, 1, Instant.now(), 7L, "x", "gave up", "order-retry-topic",
            0, 1L, true, "{}"));
        client.deadLetters.add(new DeadLetterView(0, 2, Instant.now(), 55L, null, "unreadable",
            "order-processing-topic", 1, 9L, false, "{\"poison\": \"someone else's\""));
        client.deadLetters.add(new DeadLetterView(0, 4, Instant.now(), 102L, "e", "gave up", "order-retry-topic",
            0, 3L, true, "{}"));
        vm.redrive();
        assertThat(client.gatewaySettings().errorRate()).isZero();
        assertThat(client.redriven).containsExactly(new RecordRef(0, 4));
        assertThat(vm.messageProperty().get()).contains("Redriven: 1 processed again, 0 refused");
    }

    @Test
    void resetRestoresTheDefaultsAndAFailureIsSaid() {
        vm.run(2);
        vm.reset();
        assertThat(client.mode).isEqualTo(ProcessingMode.KAFKA);
        assertThat(client.faults).isEmpty();
        assertThat(client.gatewaySettings()).isEqualTo(new GatewaySettingsView(50, 200, 0, 0));
        assertThat(vm.currentProperty().get()).isZero();

        client.failNext = new ApiCallException(503, "The backend is shutting down", null);
        vm.run(3);
        assertThat(vm.messageProperty().get()).startsWith("Step 3 failed: ").contains("shutting down");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void stepSixHasTheIssuerDeclineTheNextPaymentOnTheFinalDesign() {
        vm.run(6);
        assertThat(client.mode).isEqualTo(ProcessingMode.KAFKA);
        assertThat(client.faults).containsExactly(java.util.Map.entry(InjectableFault.PAYMENT_DECLINED, 1));
        assertThat(client.gatewaySettings().errorRate()).isZero();
        assertThat(vm.messageProperty().get()).startsWith("Step 6: Order #").contains("stays PENDING_PAYMENT");
    }
}
