package dev.orderly.console.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.KafkaTopicView.Partition;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsViewTest {

    private static KafkaTopicView topic(Partition... partitions) {
        return new KafkaTopicView("order-processing-topic", false, List.of(partitions), 0, null, null, List.of());
    }

    @Test
    void theInSyncColumnSaysTheFewestInSyncReplicasOfAnyPartitionOrThatOneHasNoLeader() {
        Partition whole = new Partition(0, 1, List.of(1, 2, 3), List.of(1, 2, 3), 0L, 5L);
        Partition behind = new Partition(1, 2, List.of(2, 3, 1), List.of(2, 3), 0L, 5L);
        Partition leaderless = new Partition(2, null, List.of(3, 1, 2), List.of(), null, null);
        assertThat(TopicsView.inSync(topic(whole, whole))).isEqualTo("3/3");
        assertThat(TopicsView.inSync(topic(whole, behind))).isEqualTo("2/3");
        assertThat(TopicsView.inSync(topic(whole, behind, leaderless))).isEqualTo("no leader");
    }
}
