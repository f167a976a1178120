package dev.orderly.backend.process;

/** A failure worth retrying later: the event goes to the retry topic, then to the DLT when the budget is spent. */
class TransientProcessingException extends RuntimeException {

    TransientProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
