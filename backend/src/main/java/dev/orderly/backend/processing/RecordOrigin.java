package dev.orderly.backend.processing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where an event sat on Kafka. */
public record RecordOrigin(String topic, int partition, long offset) {

    static RecordOrigin of(ConsumerRecord<?, ?> record) {
        return new RecordOrigin(record.topic(), record.partition(), record.offset());
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
