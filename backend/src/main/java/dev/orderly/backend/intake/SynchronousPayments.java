package dev.orderly.backend.intake;

import dev.orderly.backend.security.CurrentUser;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;

/**
 * The seed's synchronous "before" (a teaching mode): the request itself pays, ships and stores. Implemented by the
 * processing side; declared here so the intake names no class of the consumer.
 */
public interface SynchronousPayments {

    /** Processes the payment in the caller's thread and returns the status the order reached. */
    OrderStatus processNow(CurrentUser user, long orderId, PayAndShipmentRequest request);
}
