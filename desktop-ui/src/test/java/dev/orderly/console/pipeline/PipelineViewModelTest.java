package dev.orderly.console.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PartitionLag;
import dev.orderly.model.StuckOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final PipelineViewModel vm = new PipelineViewModel(client, new DirectTaskRunner(), "backend-a");
    private final Instant t0 = Instant.parse("2026-11-24T05:00:00Z");

    private LagSnapshot at(Instant when, long lag) {
        return new LagSnapshot(when, List.of(new PartitionLag("order-processing-group", "order-processing-topic", 0,
            10, 10 + lag, lag)), lag, 12.5, 11.0, 3, 1, 2, when.minusSeconds(90));
    }

    @Test
    void keepsTenMinutesOfHistoryAndDescribesTheLatest() {
        for (int s = 0; s <= 660; s += 60) {
            vm.offer(at(t0.plusSeconds(s), s));
        }
        assertThat(vm.history()).allMatch(p -> !p.at().isBefore(t0.plusSeconds(660).minus(Duration.ofMinutes(10))));
        assertThat(vm.history()).hasSize(11);
        assertThat(vm.partitions()).singleElement().extracting(PartitionLag::lag).isEqualTo(660L);
        assertThat(vm.ratesProperty().get()).isEqualTo("12.5 events/s in, 11.0 processed/s");
        assertThat(vm.totalsProperty().get()).isEqualTo("lag 660, retried 3, dead letters 1");
        assertThat(vm.waitingProperty().get()).contains("2 in PENDING_PAYMENT")
            .contains("oldest for 1 min 30 s");
    }

    @Test
    void anAcceptedOrderWaitingTooLongTurnsTheStuckCardRedAndListsItApartFromNeverPaid() {
        vm.offer(at(t0, 0));
        assertThat(vm.stuckAlarmProperty().get()).isFalse();
        assertThat(vm.stuckProperty().get()).isEqualTo("none over the threshold");
        assertThat(client.calls).as("the first snapshot reads the list").containsExactly("stuck");
        client.calls.clear();

        client.stuck = new StuckOrders(t0, 30, List.of(new StuckOrders.StateAge(OrderStatus.PENDING_PAYMENT, 2, 95,
            60)), List.of(new StuckOrders.StuckOrder(41, "alice@example.com", OrderStatus.PENDING_PAYMENT,
            t0.minusSeconds(95), 95)), 1, List.of(new StuckOrders.StuckOrder(42, "bob@example.com",
            OrderStatus.PENDING_PAYMENT, t0.minusSeconds(40), 40)), 1);
        vm.offer(new LagSnapshot(t0.plusSeconds(1), List.of(), 0, 0, 0, 0, 0, 2, t0.minusSeconds(95), 1, 30));
        assertThat(vm.stuckAlarmProperty().get()).isTrue();
        assertThat(vm.stuckProperty().get()).isEqualTo("1 accepted, unprocessed over 30 s");
        assertThat(client.calls).as("the list is read when the count changes").containsExactly("stuck");
        assertThat(vm.stuckRows()).extracting(r -> r.kind() + " " + r.order().orderId())
            .containsExactly("accepted, not processed 41", "never paid 42");
        assertThat(vm.timeInStateProperty().get()).contains("PENDING_PAYMENT 2 (oldest 1 min 35 s, mean 1 min 0 s)")
            .contains("1 accepted but not processed, 1 never paid");

        vm.offer(new LagSnapshot(t0.plusSeconds(2), List.of(), 0, 0, 0, 0, 0, 2, t0.minusSeconds(95), 1, 30));
        assertThat(client.calls).as("same count, no new read").hasSize(1);
        vm.offer(new LagSnapshot(t0.plusSeconds(3), List.of(), 0, 0, 0, 0, 0, 0, null, 0, 30));
        assertThat(vm.stuckAlarmProperty().get()).isFalse();
        assertThat(vm.stuckProperty().get()).isEqualTo("none over 30 s");
    }

    @Test
    void ignoresSnapshotsOlderThanTheLatest() {
        vm.offer(at(t0.plusSeconds(10), 5));
        vm.offer(at(t0, 99));
        assertThat(vm.latestProperty().get().totalLag()).isEqualTo(5);
        assertThat(vm.history()).hasSize(1);
    }

    private LagSnapshot owned(Instant when, String... owners) {
        List<PartitionLag> partitions = new java.util.ArrayList<>();
        for (int p = 0; p < owners.length; p++) {
            partitions.add(new PartitionLag("order-processing-group", "order-processing-topic", p, 10, 10, 0,
                owners[p]));
        }
        return new LagSnapshot(when, partitions, 0, 0, 0, 0, 0, 0, null);
    }

    @Test
    void marksARebalanceWhenPartitionsChangeOwner() {
        vm.offer(owned(t0, "backend-a-0 @ /127.0.0.1", "backend-b-0 @ /127.0.0.1"));
        vm.offer(owned(t0.plusSeconds(1), "backend-a-0 @ /127.0.0.1", "backend-b-0 @ /127.0.0.1"));
        assertThat(vm.rebalances()).isEmpty();

        // backend-a dies: its partition has nobody for a moment, then backend-b takes it.
        vm.offer(owned(t0.plusSeconds(2), null, "backend-b-0 @ /127.0.0.1"));
        vm.offer(owned(t0.plusSeconds(3), "backend-b-1 @ /127.0.0.1", "backend-b-0 @ /127.0.0.1"));
        assertThat(vm.rebalances()).extracting(PipelineViewModel.Rebalance::at)
            .containsExactly(t0.plusSeconds(2), t0.plusSeconds(3));
        assertThat(vm.rebalances().get(1).summary()).isEqualTo("processing p0: nobody -> backend-b-1");
        assertThat(vm.lastRebalanceProperty().get()).contains("processing p0: nobody -> backend-b-1");

        // Marks leave with the chart's ten-minute window.
        vm.offer(owned(t0.plusSeconds(700), "backend-b-1 @ /127.0.0.1", "backend-b-0 @ /127.0.0.1"));
        assertThat(vm.rebalances()).isEmpty();
    }

    @Test
    void stopsAndStartsTheAttachedBackendsConsumersAndSaysWhich() {
        vm.refreshConsumers();
        assertThat(vm.consumersRunningProperty().get()).isTrue();
        vm.toggleConsumers();
        assertThat(client.calls).containsExactly("consumers stop");
        assertThat(vm.consumersRunningProperty().get()).isFalse();
        assertThat(vm.consumersMessageProperty().get()).startsWith("Consumers of backend-a stopped");
        client.failNext = new IllegalStateException("backend gone");
        vm.toggleConsumers();
        assertThat(vm.consumersRunningProperty().get()).isFalse();
        assertThat(vm.consumersMessageProperty().get()).startsWith("Could not start the consumers of backend-a");
        vm.toggleConsumers();
        assertThat(vm.consumersRunningProperty().get()).isTrue();
    }

    @Test
    void readsHealth() {
        vm.checkHealth();
        assertThat(vm.brokerUpProperty().get()).isTrue();
        assertThat(vm.databaseUpProperty().get()).isTrue();
    }
}
