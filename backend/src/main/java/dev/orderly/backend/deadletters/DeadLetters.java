package dev.orderly.backend.deadletters;

import dev.orderly.model.NoteCode;
import dev.orderly.model.Note;
import dev.orderly.backend.db.StoredNotes;
import dev.orderly.backend.kafka.KafkaSettings;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.EventJson;
import dev.orderly.backend.messaging.UnreadableRecordException;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.process.Processability;
import dev.orderly.backend.process.ProcessedEventLookup;
import dev.orderly.backend.processing.ProcessingSettings;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.RecordRef;
import dev.orderly.model.RedriveOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.stereotype.Service;

/**
 * Reads {@code order-processing-dlt} and sends chosen records back to {@code order-processing-topic}: with a
 * fresh retry budget and a new redrive generation, so the gateway sees new keys. The inbox still makes a redrive
 * of an already processed event a no-op.
 */
@Service
class DeadLetters {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(2);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaTemplate<String, String> reader;
    private final EventJson json;
    private final OrderRepository orders;
    private final ProcessedEventLookup inbox;
    private final ProcessingSettings settings;
    private final int partitions;
    private final Counter redriven;

    DeadLetters(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka, EventJson json,
        OrderRepository orders, ProcessedEventLookup inbox, ProcessingSettings settings,
        KafkaSettings kafkaSettings, MeterRegistry meters) {
        this.redriven = Counter.builder("orderly.orders.redriven")
            .description("Dead letters sent back to the processing topic by staff").register(meters);
        this.partitions = kafkaSettings.topics().partitions();
        this.consumers = consumers;
        this.kafka = kafka;
        // A template of its own for reading single records by offset (KafkaTemplate.receive); the shared one has
        // no consumer factory, and giving it one would change it for every sender.
        this.reader = new KafkaTemplate<>(kafka.getProducerFactory());
        this.reader.setConsumerFactory(consumers);
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
            return RedriveOutcome.of(ref.partition(), ref.offset(), null, false, false,
                NoteCode.REDRIVE_NO_SUCH_RECORD.with(ref.partition(), ref.offset()));
        }
        OrderProcessingEvent event;
        try {
            event = json.read(record.value(), OrderProcessingEvent.class);
        } catch (UnreadableRecordException e) {
            return RedriveOutcome.of(ref.partition(), ref.offset(), null, false, false,
                NoteCode.REDRIVE_UNREADABLE.with(e.getMessage()));
        }
        Processability check = Processability.assess(event, orders.findById(event.orderId()).orElse(null),
            inbox.processed(event.eventId()));
        boolean processable = check.processable();
        NoteCode outlook = switch (check.verdict()) {
            case PROCESSABLE -> NoteCode.REDRIVE_WOULD_PROCESS;
            case ALREADY_DONE -> NoteCode.REDRIVE_WOULD_SKIP;
            case UNPROCESSABLE -> NoteCode.REDRIVE_WOULD_DEAD_LETTER;
        };
        Note verdict = outlook.with(check.why());
        if (!send) {
            return RedriveOutcome.of(ref.partition(), ref.offset(), event.orderId(), processable, false, verdict);
        }
        RecordMetadata sent = send(record, event);
        redriven.increment();
        return RedriveOutcome.of(ref.partition(), ref.offset(), event.orderId(), processable, true,
            NoteCode.REDRIVE_SENT.with(sent.topic() + "-" + sent.partition() + "@" + sent.offset(), verdict));
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

    /** The order an unreadable record was keyed by (every topic is keyed by order id), or null. */
    private static Long keyedOrder(String key) {
        try {
            return key == null ? null : Long.valueOf(key.strip());
        } catch (NumberFormatException e) {
            return null;
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
            orderId = keyedOrder(record.key());
        }
        String value = String.valueOf(record.value());
        return new DeadLetterView(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
            orderId, eventId, header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
            header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
            intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
            longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), readable,
            value.length() > 200 ? value.substring(0, 200) + "..." : value, note(record));
    }

    /** The dead letter's reason by its code, when Orderly published it ({@link KafkaTopics#NOTE_HEADER}). */
    private static Note note(ConsumerRecord<String, String> record) {
        return StoredNotes.read(header(record, KafkaTopics.NOTE_HEADER), Note.class);
    }

    private Map<String, ConsumerRecord<String, String>> find(List<RecordRef> refs) {
        int count = deadLetterPartitions();
        List<TopicPartitionOffset> wanted = refs.stream().filter(ref -> ref.partition() < count)
            .map(ref -> new TopicPartitionOffset(KafkaTopics.DEAD_LETTER, ref.partition(), ref.offset())).toList();
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        for (ConsumerRecord<String, String> record : reader.receive(wanted, RECEIVE_TIMEOUT)) {
            // receive() returns the next record at or after each offset; only the exact one is the dead letter.
            RecordRef ref = new RecordRef(record.partition(), record.offset());
            if (refs.contains(ref)) {
                found.put(key(ref), record);
            }
        }
        return found;
    }

    private List<ConsumerRecord<String, String>> read(int limit) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (Consumer<String, String> consumer = consumer()) {
            List<TopicPartition> topicPartitions = new ArrayList<>();
            int count = deadLetterPartitions();
            for (int p = 0; p < count; p++) {
                topicPartitions.add(new TopicPartition(KafkaTopics.DEAD_LETTER, p));
            }
            consumer.assign(topicPartitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(topicPartitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(topicPartitions);
            for (TopicPartition tp : topicPartitions) {
                consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - limit));
            }
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && topicPartitions.stream()
                .anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The dead-letter topic's partitions as the broker has them: another backend may have created it with another
     * count than this one's setting, which only applies to topics still missing.
     */
    private int deadLetterPartitions() {
        try {
            List<PartitionInfo> known = kafka.partitionsFor(KafkaTopics.DEAD_LETTER);
            return known == null || known.isEmpty() ? partitions : known.size();
        } catch (RuntimeException e) {
            return partitions;
        }
    }

    private Consumer<String, String> consumer() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return consumers.createConsumer(null, null, null, overrides);
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
