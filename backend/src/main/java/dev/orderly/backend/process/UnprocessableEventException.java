package dev.orderly.backend.process;

/** An event that can never be processed (unknown order, wrong owner, wrong amount): dead-lettered at once. */
public class UnprocessableEventException extends RuntimeException {

    UnprocessableEventException(String message) {
        super(message);
    }
}
