package dev.orderly.model;

import java.time.Instant;
import java.util.List;

/**
 * One Kafka record, shown safely: text as text, JSON pretty-printed, anything else as hex; long values cut.
 *
 * @param topic where it is
 * @param partition where it is
 * @param offset where it is
 * @param timestamp the record's timestamp
 * @param key the key as text (hex when it is not text), or null
 * @param headers every header, its value shown the same way
 * @param value the value as shown
 * @param format how {@code value} is shown
 * @param valueBytes the value's size in bytes (0 for a null value)
 * @param truncated whether {@code value} was cut (the first 64 KiB are shown)
 */
public record KafkaRecordView(String topic, int partition, long offset, Instant timestamp, String key,
    List<Header> headers, String value, Format format, int valueBytes, boolean truncated) {

    /** A header: its name and its value, shown as text or hex. */
    public record Header(String name, String value) {
    }

    /** How a value is shown. */
    public enum Format { JSON, TEXT, BINARY, NULL }
}
