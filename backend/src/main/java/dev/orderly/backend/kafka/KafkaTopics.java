package dev.orderly.backend.kafka;

/** The topic names of docs/architecture.md: a contract with scripts, tests and the console. */
public final class KafkaTopics {

    public static final String PROCESSING = "order-processing-topic";
    public static final String RETRY = "order-retry-topic";
    public static final String DEAD_LETTER = "order-processing-dlt";
    public static final String STATUS_EVENTS = "order-status-events";

    /** The header of a dead letter that says why by its code ({@code dev.orderly.model.Note}, as JSON). */
    public static final String NOTE_HEADER = "orderly-note";

    public static final String PROCESSING_GROUP = "order-processing-group";
    public static final String RETRY_GROUP = "order-retry-group";

    private KafkaTopics() {
    }
}
