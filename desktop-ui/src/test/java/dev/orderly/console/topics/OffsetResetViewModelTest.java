package dev.orderly.console.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.OffsetResetRequest.Target;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class OffsetResetViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final SimpleObjectProperty<KafkaTopicView> topic = new SimpleObjectProperty<>();
    private final OffsetResetViewModel vm = new OffsetResetViewModel(client, new DirectTaskRunner(), topic);

    private static KafkaTopicView topic(String name, String... groups) {
        KafkaTopicView.Partition p = new KafkaTopicView.Partition(0, 1, List.of(1), List.of(1), 0L, 30L);
        return new KafkaTopicView(name, false, List.of(p, p), 60, null, null, List.of(groups));
    }

    @Test
    void previewsThenResetsExactlyWhatWasPreviewed() {
        topic.set(topic("order-processing-topic", "order-processing-group", "audit-readers"));
        assertThat(vm.groups()).containsExactly("order-processing-group", "audit-readers");
        assertThat(vm.groupProperty().get()).isEqualTo("order-processing-group");
        vm.reset();
        assertThat(vm.messageProperty().get()).isEqualTo("Preview the reset first");
        assertThat(client.calls).isEmpty();

        vm.groupProperty().set("audit-readers");
        vm.targetProperty().set(Target.TIMESTAMP);
        vm.valueProperty().set("2026-12-02T10:00:00Z");
        vm.preview();
        assertThat(client.calls).containsExactly("previewOffsetReset audit-readers TIMESTAMP");
        assertThat(vm.previewShown().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Preview: group audit-readers on order-processing-topic"
            + " would have 12 records to read; nothing changed yet, Reset applies it");
        assertThat(vm.planProperty().get()).isEqualTo("partition 0: 30 -> 20 (end 30, 10 to read)\n"
            + "partition 1: 12 -> 10 (end 12, 2 to read)");

        vm.reset();
        assertThat(client.calls).last().asString().startsWith("resetOffsets audit-readers TIMESTAMP");
        assertThat(vm.messageProperty().get()).isEqualTo("Reset: group audit-readers on order-processing-topic"
            + " moved, 12 records to read (in the audit trail)");
        assertThat(vm.previewShown().get()).isFalse();
    }

    @Test
    void anyChangeAfterThePreviewAsksForANewOne() {
        topic.set(topic("order-processing-topic", "order-processing-group"));
        vm.preview();
        assertThat(vm.previewShown().get()).isTrue();
        vm.targetProperty().set(Target.LATEST);
        assertThat(vm.previewShown().get()).isFalse();
        assertThat(vm.planProperty().get()).isEmpty();
        vm.reset();
        assertThat(client.calls).containsExactly("previewOffsetReset order-processing-group EARLIEST");

        vm.preview();
        topic.set(topic("order-status-events", "status-readers"));
        assertThat(vm.previewShown().get()).isFalse();
        assertThat(vm.groupProperty().get()).isEqualTo("status-readers");

        topic.set(topic("order-retry-topic"));
        assertThat(vm.groupProperty().get()).isNull();
        int asked = client.calls.size();
        vm.preview();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose a consumer group");
        assertThat(client.calls).hasSize(asked);
    }

    @Test
    void aRefusedResetSaysWhyAndBadInputAsksNothing() {
        topic.set(topic("order-processing-topic", "order-processing-group"));
        vm.preview();
        client.refuseResets = 1;
        vm.reset();
        assertThat(vm.messageProperty().get()).startsWith("Not reset: ");
        int asked = client.calls.size();

        vm.targetProperty().set(Target.OFFSETS);
        vm.valueProperty().set("0=15, one=2");
        vm.preview();
        assertThat(vm.messageProperty().get()).isEqualTo("Offsets must be like 0=15, 1=20 (partition=offset)");
        vm.targetProperty().set(Target.TIMESTAMP);
        vm.valueProperty().set("yesterday");
        vm.preview();
        assertThat(vm.messageProperty().get()).startsWith("Time must be like");
        assertThat(client.calls).hasSize(asked);
    }

    @Test
    void readsOffsetsPerPartition() {
        assertThat(OffsetResetViewModel.offsets("0=15, 1=20")).isEqualTo(Map.of(0, 15L, 1, 20L));
        assertThat(OffsetResetViewModel.offsets(" 2 = 7 ".replace(" = ", "="))).isEqualTo(Map.of(2, 7L));
        for (String bad : List.of("", "0=15,0=16", "0=-1", "0", "0=1=2", "x=1")) {
            assertThatThrownBy(() -> OffsetResetViewModel.offsets(bad)).as(bad)
                .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
