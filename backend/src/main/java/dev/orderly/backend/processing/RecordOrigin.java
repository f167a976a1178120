package dev.orderly.backend.processing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Where an event sat on Kafka, and how many times staff redrove it from the DLT (each redrive is a new series
 * of attempts and needs gateway keys of its own).
 */
public record RecordOrigin(String topic, int partition, long offset, int redrive) {

    public static final String REDRIVE_HEADER = "orderly-redrive";

    /** Processed in the request thread (the seed's synchronous mode): never on Kafka. */
    public static final RecordOrigin SYNCHRONOUS = new RecordOrigin("synchronous", -1, -1, 0);

    public RecordOrigin(String topic, int partition, long offset) {
        this(topic, partition, offset, 0);
    }

    public static RecordOrigin of(ConsumerRecord<?, ?> record) {
        return new RecordOrigin(record.topic(), record.partition(), record.offset(), redriveOf(record));
    }

    public static int redriveOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(REDRIVE_HEADER);
        if (header == null) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        if (partition < 0) {
            return topic;
        }
        return topic + "-" + partition + "@" + offset;
    }
}
