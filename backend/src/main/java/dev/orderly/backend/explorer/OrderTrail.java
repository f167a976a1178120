package dev.orderly.backend.explorer;

import dev.orderly.backend.explorer.RecordReader.Budget;
import dev.orderly.backend.explorer.RecordReader.Scan;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.query.OrderQueries;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.OrderTrailView;
import dev.orderly.model.OrderView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An order followed across Kafka: every record keyed by its id on the pipeline's four topics, read from a little
 * before the order was created (each partition's offset for that time, so a long topic is not read from its start),
 * interleaved by time with the order's timeline from the database.
 */
@Component
class OrderTrail {

    static final List<String> TOPICS = List.of(KafkaTopics.PROCESSING, KafkaTopics.RETRY, KafkaTopics.DEAD_LETTER,
        KafkaTopics.STATUS_EVENTS);
    /** Producers' clocks and the database's may differ a little; records are looked for from this long before. */
    private static final Duration SLACK = Duration.ofMinutes(1);
    private static final int MAX_RECORDS = 500;
    static final Duration TIME = Duration.ofSeconds(5);

    private final OrderQueries orders;
    private final TopicCatalog catalog;
    private final RecordReader reader;

    OrderTrail(OrderQueries orders, TopicCatalog catalog, RecordReader reader) {
        this.orders = orders;
        this.catalog = catalog;
        this.reader = reader;
    }

    OrderTrailView follow(CurrentUser staff, long orderId) {
        OrderView order = orders.order(staff, orderId);
        String key = Long.toString(orderId);
        long since = order.createdAt().minus(SLACK).toEpochMilli();
        Budget budget = new Budget(TIME, RecordBrowser.BYTES * 2, RecordBrowser.RECORDS * 5);
        List<OrderTrailView.Entry> entries = new ArrayList<>();
        boolean complete = true;
        try (Consumer<byte[], byte[]> consumer = reader.open()) {
            for (String topic : TOPICS) {
                Map<Integer, long[]> ranges;
                try {
                    ranges = catalog.range(topic);
                } catch (ApiException noSuchTopic) {
                    if (noSuchTopic.getStatus() == HttpStatus.NOT_FOUND) {
                        continue;
                    }
                    throw noSuchTopic;
                }
                Map<Integer, Long> starts = catalog.offsetsAt(topic, ranges.keySet(), since);
                for (Map.Entry<Integer, long[]> range : ranges.entrySet()) {
                    TopicPartition tp = new TopicPartition(topic, range.getKey());
                    Scan scan = reader.forward(consumer, tp, Math.max(starts.get(range.getKey()), range.getValue()[0]),
                        range.getValue()[1], MAX_RECORDS,
                        record -> key.equals(RecordFormat.keyText(record.key())), budget);
                    scan.matches().forEach(record -> entries.add(new OrderTrailView.Entry(
                        Instant.ofEpochMilli(record.timestamp()), RecordFormat.view(record), null)));
                    complete &= scan.reached() >= range.getValue()[1];
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TopicCatalog.unreachable(e);
        }
        order.timeline().forEach(line -> entries.add(new OrderTrailView.Entry(line.at(), null, line)));
        entries.sort(Comparator.comparing(OrderTrailView.Entry::at));
        return new OrderTrailView(orderId, entries, complete);
    }
}
