package dev.orderly.console.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReplayViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final ReplayViewModel vm = new ReplayViewModel(client, new DirectTaskRunner(),
        Clock.fixed(Instant.parse("2026-12-02T10:30:00Z"), ZoneOffset.UTC), Duration.ZERO);

    @Test
    void thePreviewSaysHowManyRecordsAreReadAgainAndChangesNothing() {
        vm.preview();
        assertThat(client.calls).containsExactly("previewOffsetReset order-processing-group TIMESTAMP");
        assertThat(vm.messageProperty().get()).contains("would read 12 records of order-processing-topic again")
            .endsWith("nothing was changed");
        assertThat(client.consumersRunning).isTrue();
    }

    @Test
    void theReplayStopsTheConsumersWaitsForTheGroupToEmptyResetsAndStartsThemAgain() {
        client.refuseResets = 2;
        vm.replay();
        assertThat(client.calls).containsExactly("consumers stop",
            "resetOffsets order-processing-group TIMESTAMP consumers running false",
            "resetOffsets order-processing-group TIMESTAMP consumers running false",
            "resetOffsets order-processing-group TIMESTAMP consumers running false", "consumers start");
        assertThat(vm.messageProperty().get()).startsWith("Replaying from ").contains("12 records are read again");
        assertThat(client.consumersRunning).isTrue();
    }

    @Test
    void aRefusedReplayStillStartsTheConsumersAgainAndSaysWhy() {
        client.refuseResets = 100;
        vm.replay();
        assertThat(client.calls).last().isEqualTo("consumers start");
        assertThat(client.consumersRunning).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Replay not done: Group 'order-processing-group' has 1 live"
            + " member(s)");
    }

    @Test
    void minutesThatAreNotAWholeNumberAskNothing() {
        vm.minutesProperty().set("five");
        vm.replay();
        vm.minutesProperty().set("0");
        vm.preview();
        assertThat(client.calls).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Minutes must be a whole number");
    }
}
