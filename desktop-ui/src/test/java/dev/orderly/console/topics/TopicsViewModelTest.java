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
import java.util.ArrayList;
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

    @Test
    void aLiveTailShowsWhatArrivesNewestOnTopUntilItIsStopped() {
        client.topics.add(topic());
        client.pages.add(new KafkaRecordPage(List.of(record(99), record(98)), "newest;0:98", 2, true));
        vm.loadTopics();
        vm.open(vm.topics().get(0));
        vm.keyProperty().set("7");

        client.pages.add(new KafkaRecordPage(List.of(), "oldest;0:100;1:100;2:100", 0, true));
        vm.tailingProperty().set(true);
        assertThat(client.calls).last()
            .isEqualTo("kafkaRecords order-status-events ?limit=500&from=end&order=oldest&key=7");
        assertThat(vm.records()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Live: waiting for new records on order-status-events");

        client.pages.add(new KafkaRecordPage(List.of(record(100), record(101)), "oldest;0:102;1:100;2:100", 2,
            true));
        vm.tick();
        assertThat(client.calls).last()
            .isEqualTo("kafkaRecords order-status-events ?limit=500&cursor=oldest;0:100;1:100;2:100&key=7");
        assertThat(vm.records()).extracting(KafkaRecordView::offset).containsExactly(101L, 100L);
        assertThat(vm.messageProperty().get()).startsWith("Live: 2 new records on order-status-events, the last at");

        // Nothing new: the same cursor next time, nothing changes on screen.
        client.pages.add(new KafkaRecordPage(List.of(), "oldest;0:102;1:100;2:100", 0, true));
        vm.tick();
        client.pages.add(new KafkaRecordPage(List.of(record(102)), "oldest;0:103;1:100;2:100", 1, true));
        vm.tick();
        assertThat(client.calls).last().asString().contains("cursor=oldest;0:102;1:100;2:100");
        assertThat(vm.records()).extracting(KafkaRecordView::offset).containsExactly(102L, 101L, 100L);

        int asked = client.calls.size();
        vm.tailingProperty().set(false);
        vm.tick();
        assertThat(client.calls).hasSize(asked);
        assertThat(vm.messageProperty().get()).isEqualTo("Live stopped after 3 new records");
    }

    @Test
    void aLiveTailKeepsTheNewestRecordsAndCarriesOnAfterAFailedRead() {
        client.topics.add(topic());
        vm.loadTopics();
        vm.open(vm.topics().get(0));
        client.pages.add(new KafkaRecordPage(List.of(), "oldest;0:0", 0, true));
        vm.tailingProperty().set(true);
        for (int read = 0; read < 2; read++) {
            List<KafkaRecordView> arrived = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                arrived.add(record(read * 300L + i));
            }
            client.pages.add(new KafkaRecordPage(arrived, "oldest;0:" + (read + 1) * 300, 300, true));
            vm.tick();
        }
        assertThat(vm.records()).hasSize(TopicsViewModel.TAIL_ROWS);
        assertThat(vm.records().get(0).offset()).isEqualTo(599);
        assertThat(vm.records().get(TopicsViewModel.TAIL_ROWS - 1).offset()).isEqualTo(100);

        client.failNext = new IllegalStateException("broker down");
        vm.tick();
        assertThat(vm.messageProperty().get()).startsWith("Live: could not read order-status-events (")
            .endsWith("trying again");
        assertThat(vm.tailingProperty().get()).isTrue();
        client.pages.add(new KafkaRecordPage(List.of(record(600)), "oldest;0:601", 1, true));
        vm.tick();
        assertThat(client.calls).last().asString().contains("cursor=oldest;0:600");
        assertThat(vm.records().get(0).offset()).isEqualTo(600);
    }

    @Test
    void showingAPageOrFollowingAnOrderStopsTheLiveTail() {
        client.topics.add(topic());
        vm.loadTopics();
        vm.open(vm.topics().get(0));
        client.pages.add(new KafkaRecordPage(List.of(), "oldest;0:0", 0, true));
        vm.tailingProperty().set(true);
        vm.loadRecords();
        assertThat(vm.tailingProperty().get()).isFalse();
        assertThat(client.calls).last().isEqualTo("kafkaRecords order-status-events ?limit=50&from=end&order=newest");
        int asked = client.calls.size();
        vm.tick();
        assertThat(client.calls).hasSize(asked);
    }
}
