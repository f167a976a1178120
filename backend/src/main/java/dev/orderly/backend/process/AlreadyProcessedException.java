package dev.orderly.backend.process;

/** Found under the order's lock: the event was applied meanwhile, or the order left PENDING_PAYMENT. */
class AlreadyProcessedException extends RuntimeException {

    AlreadyProcessedException(String message) {
        super(message, null, false, false);
    }
}
