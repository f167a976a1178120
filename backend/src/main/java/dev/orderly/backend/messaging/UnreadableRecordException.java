package dev.orderly.backend.messaging;

/** A Kafka record that cannot be turned into an event: it goes to the dead-letter topic at once, never retried. */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String message) {
        super(message);
    }

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
