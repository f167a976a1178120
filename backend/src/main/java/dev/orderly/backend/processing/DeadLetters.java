package dev.orderly.backend.processing;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.EventJson;
import dev.orderly.backend.messaging.UnreadableRecordException;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.RecordRef;
import dev.orderly.model.RedriveOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads {@code order-processing-dlt} and sends chosen records back to {@code order-processing-topic}: with a
 * fresh retry budget and a new redrive generation, so the gateway sees new keys. The inbox still makes a redrive
 * of an already processed event a no-op.
 */
@Service
class DeadLetters {

    private static final int PARTITIONS = 3;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmin kafkaAdmin;
    private final KafkaTemplate<String, String> kafka;
    private final EventJson json;
    private final OrderRepository orders;
    private final ProcessedEventRepository inbox;
    private final ProcessingSettings settings;

    DeadLetters(KafkaAdmin kafkaAdmin, KafkaTemplate<String, String> kafka, EventJson json, OrderRepository orders,
        ProcessedEventRepository inbox, ProcessingSettings settings) {
        this.kafkaAdmin = kafkaAdmin;
        this.kafka = kafka;
        this.json = json;
        this.orders = orders;
        this.inbox = inbox;
        this.settings = settings;
    }

    /** The newest {@code limit} dead letters, newest first. */
    List<DeadLetterView> list(int limit) {
        List<DeadLetterView> views = new ArrayList<>();
        for (ConsumerRecord<String, String> record : read(limit)) {
            views.add(view(record));
        }
        views.sort(Comparator.comparing(DeadLetterView::timestamp).reversed());
        return views.size() > limit ? views.subList(0, limit) : views;
    }

    List<RedriveOutcome> preview(List<RecordRef> refs) {
        Map<String, ConsumerRecord<String, String>> found = find(refs);
        return refs.stream().map(ref -> assess(ref, found.get(key(ref)), false)).toList();
    }

    List<RedriveOutcome> redrive(List<RecordRef> refs) {
        Map<String, ConsumerRecord<String, String>> found = find(refs);
        return refs.stream().map(ref -> assess(ref, found.get(key(ref)), true)).toList();
    }

    private RedriveOutcome assess(RecordRef ref, ConsumerRecord<String, String> record, boolean send) {
        if (record == null) {
            return new RedriveOutcome(ref.partition(), ref.offset(), null, false, false,
                "no such dead letter (partition " + ref.partition() + ", offset " + ref.offset() + ")");
        }
        OrderProcessingEvent event;
        try {
            event = json.read(record.value(), OrderProcessingEvent.class);
        } catch (UnreadableRecordException e) {
            return new RedriveOutcome(ref.partition(), ref.offset(), null, false, false,
                "unreadable record, cannot be redriven: " + e.getMessage());
        }
        Optional<OrderStatus> status = orders.findById(event.orderId()).map(o -> o.getStatus());
        String verdict;
        boolean processable = false;
        if (status.isEmpty()) {
            verdict = "order " + event.orderId() + " does not exist: it would be dead-lettered again";
        } else if (inbox.existsById(event.eventId())) {
            verdict = "already processed: the redrive would be skipped as a duplicate";
        } else if (status.get() != OrderStatus.PENDING_PAYMENT) {
            verdict = "order is " + status.get() + ", no longer PENDING_PAYMENT: it would be skipped";
        } else {
            processable = true;
            verdict = "order is PENDING_PAYMENT: it will be processed again with a fresh retry budget";
        }
        if (!send) {
            return new RedriveOutcome(ref.partition(), ref.offset(), event.orderId(), processable, false, verdict);
        }
        RecordMetadata sent = send(record, event);
        return new RedriveOutcome(ref.partition(), ref.offset(), event.orderId(), processable, true,
            "sent to " + sent.topic() + "-" + sent.partition() + "@" + sent.offset() + "; " + verdict);
    }

    private RecordMetadata send(ConsumerRecord<String, String> record, OrderProcessingEvent event) {
        OrderProcessingEvent fresh = new OrderProcessingEvent(event.orderId(), event.userEmail(), event.request(),
            event.eventCreatedAt(), 0, event.eventId());
        ProducerRecord<String, String> out = new ProducerRecord<>(KafkaTopics.PROCESSING,
            String.valueOf(event.orderId()), json.write(fresh));
        out.headers().add(RecordOrigin.REDRIVE_HEADER,
            Integer.toString(RecordOrigin.redriveOf(record) + 1).getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(out).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redriving", e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take the redriven record: " + e.getMessage(), e);
        }
    }

    private DeadLetterView view(ConsumerRecord<String, String> record) {
        Long orderId = null;
        String eventId = null;
        boolean readable = true;
        try {
            OrderProcessingEvent event = json.read(record.value(), OrderProcessingEvent.class);
            orderId = event.orderId();
            eventId = event.eventId();
        } catch (UnreadableRecordException e) {
            readable = false;
        }
        String value = String.valueOf(record.value());
        return new DeadLetterView(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
            orderId, eventId, header(record, "kafka_dlt-exception-message"),
            header(record, "kafka_dlt-original-topic"), intHeader(record, "kafka_dlt-original-partition"),
            longHeader(record, "kafka_dlt-original-offset"), readable,
            value.length() > 200 ? value.substring(0, 200) + "..." : value);
    }

    private Map<String, ConsumerRecord<String, String>> find(List<RecordRef> refs) {
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (RecordRef ref : refs) {
                TopicPartition tp = new TopicPartition(KafkaTopics.DEAD_LETTER, ref.partition());
                if (ref.partition() >= PARTITIONS) {
                    continue;
                }
                consumer.assign(List.of(tp));
                consumer.seek(tp, ref.offset());
                long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                while (ref.offset() < end && System.nanoTime() < deadline && !found.containsKey(key(ref))) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() == ref.offset()) {
                            found.put(key(ref), record);
                        }
                    }
                }
            }
        }
        return found;
    }

    private List<ConsumerRecord<String, String>> read(int limit) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(KafkaTopics.DEAD_LETTER, p));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - limit));
            }
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && partitions.stream()
                .anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.keySet().removeIf(k -> k.startsWith("default.api") || k.startsWith("retries"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static String key(RecordRef ref) {
        return ref.partition() + "@" + ref.offset();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 4 ? null
            : java.nio.ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 8 ? null
            : java.nio.ByteBuffer.wrap(header.value()).getLong();
    }
}
