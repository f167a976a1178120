package dev.orderly.console.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.KafkaRecordPage;
import dev.orderly.model.KafkaRecordView;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.OrderTrailView;
import dev.orderly.model.TimelineEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final TopicsViewModel vm = new TopicsViewModel(client, new DirectTaskRunner());

    private static KafkaTopicView topic() {
        KafkaTopicView.Partition p = new KafkaTopicView.Partition(0, 1, List.of(1), List.of(1), 0L, 100L);
        return new KafkaTopicView("order-status-events", false, List.of(p, p, p), 300, 4096L, -1L, List.of());
    }

    private static KafkaRecordView record(long offset) {
        return new KafkaRecordView("order-status-events", 0, offset, Instant.now(), "7", List.of(), "{}",
            KafkaRecordView.Format.JSON, 2, false);
    }

    @Test
    void opensATopicNewestFirstAndTheNextPageFollowsTheCursor() {
        client.topics.add(topic());
        client.pages.add(new KafkaRecordPage(List.of(record(99), record(98)), "newest;0:98", 2, true));
        client.pages.add(new KafkaRecordPage(List.of(record(97)), null, 1, true));
        vm.loadTopics();
        vm.open(vm.topics().get(0));

        assertThat(client.calls).containsExactly("kafkaTopics",
            "kafkaRecords order-status-events ?limit=50&from=end&order=newest");
        assertThat(vm.records()).extracting(KafkaRecordView::offset).containsExactly(99L, 98L);
        assertThat(vm.openedProperty().get().offset()).isEqualTo(99);
        assertThat(vm.morePagesProperty().get()).isTrue();

        vm.nextPage();
        assertThat(client.calls).last().isEqualTo("kafkaRecords order-status-events ?limit=50&cursor=newest;0:98");
        assertThat(vm.records()).extracting(KafkaRecordView::offset).containsExactly(97L);
        assertThat(vm.morePagesProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Page 2: 1 records");
    }

    @Test
    void sendsTheFiltersAndTheStartAsTheToolbarSays() {
        client.topics.add(topic());
        vm.loadTopics();
        vm.partitionProperty().set("2");
        vm.fromProperty().set(StartAt.OFFSET);
        vm.positionProperty().set("15");
        vm.keyProperty().set(" 42 ");
        vm.containsProperty().set("a b");
        vm.open(vm.topics().get(0));
        assertThat(client.calls).last().isEqualTo("kafkaRecords order-status-events"
            + " ?limit=50&partition=2&from=offset&order=oldest&offset=15&key=42&contains=a b");
    }

    @Test
    void aToolbarThatIsNotValidSaysWhyAndAsksNothing() {
        client.topics.add(topic());
        vm.loadTopics();
        vm.partitionProperty().set("3");
        vm.open(vm.topics().get(0));
        assertThat(vm.messageProperty().get()).isEqualTo("Partition must be 0 to 2 (or empty for all)");

        vm.partitionProperty().set("");
        vm.fromProperty().set(StartAt.OFFSET);
        vm.positionProperty().set("15");
        vm.loadRecords();
        assertThat(vm.messageProperty().get()).isEqualTo("From an offset needs a partition");

        vm.fromProperty().set(StartAt.TIME);
        vm.positionProperty().set("yesterday");
        vm.loadRecords();
        assertThat(vm.messageProperty().get()).contains("Time must be like");
        assertThat(client.calls).containsExactly("kafkaTopics");
    }

    @Test
    void aFailedReadSaysSo() {
        client.topics.add(topic());
        vm.loadTopics();
        client.failNext = new IllegalStateException("broker down");
        vm.open(vm.topics().get(0));
        assertThat(vm.messageProperty().get()).startsWith("Could not read order-status-events: ");
    }

    @Test
    void followsAnOrderAndShowsItsRecordsAndTimelineByTime() {
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        client.trail = new OrderTrailView(42, List.of(
            new OrderTrailView.Entry(t, null, new TimelineEntry(t, TimelineEntry.TimelineKind.ACCEPTED, null, null,
                "accepted for processing", "e1", null, null, null, 0)),
            new OrderTrailView.Entry(t.plusMillis(5), record(7), null)), true);
        vm.followedProperty().set("#42");
        vm.followOrder();
        assertThat(client.calls).containsExactly("followOrder 42");
        assertThat(vm.records()).extracting(KafkaRecordView::offset).containsExactly(7L);
        assertThat(vm.messageProperty().get()).isEqualTo("Order 42 on Kafka: 1 records on 1 topics, beside 1"
            + " timeline entries");
        assertThat(vm.detailProperty().get()).contains("timeline ACCEPTED: accepted for processing")
            .contains("record   order-status-events-0@7");

        vm.followedProperty().set("forty-two");
        vm.followOrder();
        assertThat(vm.messageProperty().get()).isEqualTo("Type an order number to follow");
        assertThat(client.calls).hasSize(1);
    }
}
