package dev.orderly.console.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.PartitionLag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineViewModelTest {

    private final PipelineViewModel vm = new PipelineViewModel(new RecordingClient(), new DirectTaskRunner());
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
        assertThat(vm.waitingProperty().get()).contains("2 orders waiting").contains("oldest for 1 min 30 s");
    }

    @Test
    void ignoresSnapshotsOlderThanTheLatest() {
        vm.offer(at(t0.plusSeconds(10), 5));
        vm.offer(at(t0, 99));
        assertThat(vm.latestProperty().get().totalLag()).isEqualTo(5);
        assertThat(vm.history()).hasSize(1);
    }

    @Test
    void readsHealth() {
        vm.checkHealth();
        assertThat(vm.brokerUpProperty().get()).isTrue();
        assertThat(vm.databaseUpProperty().get()).isTrue();
    }
}
