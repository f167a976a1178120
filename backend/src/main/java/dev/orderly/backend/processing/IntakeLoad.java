package dev.orderly.backend.processing;

/**
 * The accept path's only say in processing: "a request to accept an order is being answered". It cannot take or
 * hold processing capacity; {@link WorkBulkhead}, which owns that capacity, implements this.
 */
public interface IntakeLoad {

    /** Marks one request to accept an order as in progress until the returned handle is closed. */
    Accepting accepting();

    /** One request being answered; closing it twice counts once. */
    interface Accepting extends AutoCloseable {

        @Override
        void close();
    }
}
