package dev.orderly.console.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.DeadLetterView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLettersViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final DeadLettersViewModel vm = new DeadLettersViewModel(client, new DirectTaskRunner());

    private static DeadLetterView record(long offset) {
        return new DeadLetterView(1, offset, Instant.now(), 5L, "e", "boom", "order-retry-topic", 1, 9L, true, "{}");
    }

    @Test
    void previewSendsNothingAndRedriveRecordsAnOutcomePerRecord() {
        client.deadLetters.addAll(List.of(record(0), record(1)));
        vm.load();
        assertThat(vm.records()).hasSize(2);

        vm.preview(vm.records());
        assertThat(client.calls).containsExactly("deadLetters", "preview 2");
        assertThat(vm.messageProperty().get()).isEqualTo("1 of 2 would be processed again");

        vm.redrive(List.of(vm.records().get(1)));
        assertThat(client.calls).endsWith("redrive 1");
        assertThat(vm.outcomes()).containsEntry("1@1", "redriven: sent").doesNotContainKey("1@0");
    }

    @Test
    void exportsTheDeadLettersListedAsCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        client.deadLetters.addAll(List.of(record(0), record(1)));
        vm.load();
        java.nio.file.Path file = dir.resolve("dlt.csv");
        vm.exportCsv(file);
        assertThat(vm.messageProperty().get()).isEqualTo("Exported 2 dead letters to " + file);
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("partition,offset,at,orderId,eventId,error,originTopic,originPartition,"
            + "originOffset,readable,record");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith("1,1,").contains(",5,e,boom,order-retry-topic,1,9,true,{}");
    }

    @Test
    void nothingSelectedSendsNothing() {
        vm.redrive(List.of());
        vm.preview(List.of());
        assertThat(client.calls).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Select one or more");
    }
}
