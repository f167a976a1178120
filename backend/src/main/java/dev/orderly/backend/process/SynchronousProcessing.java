package dev.orderly.backend.process;

import dev.orderly.backend.intake.ProcessingEvents;
import dev.orderly.backend.intake.SynchronousPayments;
import dev.orderly.backend.order.OrderCommands;
import dev.orderly.backend.process.Outcome.DeadLetter;
import dev.orderly.backend.process.Outcome.Declined;
import dev.orderly.backend.process.Outcome.Duplicate;
import dev.orderly.backend.process.Outcome.Processed;
import dev.orderly.backend.process.Outcome.Retry;
import dev.orderly.backend.process.Outcome.Unavailable;
import dev.orderly.backend.processing.AttemptLog;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.NoteCode;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.TimelineEntry.TimelineKind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The seed's synchronous "before": the same processing (same checks, same one transaction, same compensation)
 * in the request thread, so the caller waits for the payment gateway. Nothing is put on Kafka and nothing is
 * retried: the {@link Outcome} becomes the answer, and a failure leaves the order payable.
 */
@Component
class SynchronousProcessing implements SynchronousPayments {

    private final ProcessingEvents events;
    private final OrderProcessor processor;
    private final AttemptLog attempts;
    private final OrderCommands orders;

    SynchronousProcessing(ProcessingEvents events, OrderProcessor processor, AttemptLog attempts,
        OrderCommands orders) {
        this.events = events;
        this.processor = processor;
        this.attempts = attempts;
        this.orders = orders;
    }

    @Override
    public OrderStatus processNow(CurrentUser user, long orderId, PayAndShipmentRequest request) {
        OrderProcessingEvent event = events.prepare(user, orderId, request);
        attempts.recordAlone(orderId, event.eventId(), TimelineKind.ACCEPTED,
            NoteCode.PROCESSING_SYNCHRONOUSLY.with(user.email()), RecordOrigin.SYNCHRONOUS, 0);
        Outcome outcome;
        try {
            outcome = processor.process(event, RecordOrigin.SYNCHRONOUS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SHUTTING_DOWN.problem(),
                "The backend is shutting down; order " + orderId
                + " was not processed and is still PENDING_PAYMENT.");
        }
        if (outcome instanceof Processed) {
            return orders.load(user, orderId).getStatus();
        }
        if (outcome instanceof Declined) {
            throw new ApiException(HttpStatus.PAYMENT_REQUIRED, ErrorCode.CARD_DECLINED.with(orderId),
                "The card was declined; order " + orderId
                + " is still PENDING_PAYMENT and nothing was charged.");
        }
        if (outcome instanceof Duplicate) {
            throw ApiException.conflict(ErrorCode.ORDER_ALREADY_PROCESSED.with(orderId),
                "Order " + orderId + " was already processed");
        }
        if (outcome instanceof Unavailable) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.DATABASE_UNREACHABLE.problem(),
                "The database is not reachable right now; order "
                + orderId + " was not processed and is still PENDING_PAYMENT. Try again in a moment.");
        }
        if (outcome instanceof Retry retry) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.ORDER_NOT_PROCESSED.with(orderId),
                "Order " + orderId + " could not be processed ("
                + retry.reason() + "). Everything was rolled back and any authorisation voided; the order is still"
                + " PENDING_PAYMENT. Try again.");
        }
        throw ApiException.conflict(ErrorCode.ORDER_UNPROCESSABLE.with(orderId),
            "Order " + orderId + " cannot be processed: " + ((DeadLetter) outcome).reason());
    }
}
