package dev.orderly.backend.processing;

import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.EventJson;
import dev.orderly.backend.order.CustomerOrder;
import dev.orderly.backend.order.OrderCommands;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.ProcessingInstructions;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;

/**
 * Accepts an order for processing: checks owner, state and amount, then puts an {@link OrderProcessingEvent} on
 * the broker and waits (bounded) for its acknowledgement. A 202 therefore means the event is durable.
 */
@Service
class OrderSubmitter {

    private static final Logger log = LoggerFactory.getLogger(OrderSubmitter.class);

    private final OrderCommands orders;
    private final PaymentGateway gateway;
    private final KafkaTemplate<String, String> kafka;
    private final EventJson json;
    private final AttemptLog attempts;
    private final ProcessingSettings settings;
    private final OrderProcessor processor;
    private final AcceptanceLog acceptance;
    private final FaultInjector faults;
    private final WorkPermits permits;

    OrderSubmitter(OrderCommands orders, PaymentGateway gateway, KafkaTemplate<String, String> kafka, EventJson json,
        AttemptLog attempts, ProcessingSettings settings, OrderProcessor processor, AcceptanceLog acceptance,
        FaultInjector faults, WorkPermits permits) {
        this.permits = permits;
        this.faults = faults;
        this.acceptance = acceptance;
        this.processor = processor;
        this.orders = orders;
        this.gateway = gateway;
        this.kafka = kafka;
        this.json = json;
        this.attempts = attempts;
        this.settings = settings;
    }

    OrderProcessingEvent submit(CurrentUser user, long orderId, PayAndShipmentRequest request) {
        permits.acceptStarted();
        try {
            return accept(user, orderId, request);
        } finally {
            permits.acceptEnded();
        }
    }

    private OrderProcessingEvent accept(CurrentUser user, long orderId, PayAndShipmentRequest request) {
        OrderProcessingEvent event = prepare(user, orderId, request);
        if (faults.strike(InjectableFault.POISON_RECORD)) {
            injectPoison(orderId);
        }
        SendResult<String, String> sent = send(event);
        if (faults.strike(InjectableFault.DUPLICATE_DELIVERY)) {
            send(event);
        }
        RecordOrigin origin = new RecordOrigin(KafkaTopics.PROCESSING, sent.getRecordMetadata().partition(),
            sent.getRecordMetadata().offset());
        acceptance.accepted(orderId, event.eventId(), "accepted for processing by " + user.email(), origin);
        return event;
    }

    /**
     * The seed's synchronous "before": the same processing (same checks, same one transaction, same compensation)
     * in the request thread, so the caller waits for the payment gateway. Nothing is put on Kafka and nothing is
     * retried: a failure is reported and the order stays payable.
     */
    OrderStatus processNow(CurrentUser user, long orderId, PayAndShipmentRequest request) {
        OrderProcessingEvent event = prepare(user, orderId, request);
        attempts.recordAlone(orderId, event.eventId(), TimelineKind.ACCEPTED,
            "processing synchronously (the seed's before) for " + user.email(), RecordOrigin.SYNCHRONOUS, 0);
        OrderProcessor.Outcome outcome;
        try {
            outcome = processor.process(event, RecordOrigin.SYNCHRONOUS);
        } catch (TransientProcessingException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Order " + orderId + " could not be processed ("
                + e.getMessage() + "). Everything was rolled back and any authorisation voided; the order is still"
                + " PENDING_PAYMENT. Try again.");
        } catch (UnprocessableEventException e) {
            throw ApiException.conflict("Order " + orderId + " cannot be processed: " + e.getMessage());
        }
        return switch (outcome) {
            case PROCESSED -> orders.load(user, orderId).getStatus();
            case DECLINED -> throw new ApiException(HttpStatus.PAYMENT_REQUIRED, "The card was declined; order "
                + orderId + " is still PENDING_PAYMENT and nothing was charged.");
            case DUPLICATE -> throw ApiException.conflict("Order " + orderId + " was already processed");
        };
    }

    private OrderProcessingEvent prepare(CurrentUser user, long orderId, PayAndShipmentRequest request) {
        CustomerOrder order = orders.load(user, orderId);
        if (order.getStatus() != OrderStatus.PENDING_PAYMENT) {
            throw ApiException.conflict("Order " + orderId + " is " + order.getStatus()
                + "; only an order in PENDING_PAYMENT can be paid for");
        }
        if (order.getTotal().compareTo(request.payment().amount()) != 0) {
            throw ApiException.badRequest("payment.amount " + request.payment().amount()
                + " does not match the order total " + order.getTotal(),
                Map.of("fields", Map.of("payment.amount", "must equal the order total " + order.getTotal())));
        }
        ProcessingInstructions instructions = ProcessingInstructions.of(request,
            gateway.tokenize(request.payment().cardNumber()).token());
        return OrderProcessingEvent.create(orderId, order.getUserEmail(), instructions);
    }

    private SendResult<String, String> send(OrderProcessingEvent event) {
        try {
            return sendRaw(String.valueOf(event.orderId()), json.write(event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(event, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(event, e);
        }
    }

    /** The POISON_RECORD fault: malformed JSON on the order's partition, ahead of its event. */
    private void injectPoison(long orderId) {
        try {
            sendRaw(String.valueOf(orderId), "{\"poison\": \"injected by a trainer before order " + orderId + "\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("order {}: the injected poison record was not sent: {}", orderId, e.toString());
        }
    }

    private SendResult<String, String> sendRaw(String key, String value) throws InterruptedException,
        ExecutionException, TimeoutException {
        return kafka.send(KafkaTopics.PROCESSING, key, value).get(settings.sendTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    }

    private static ApiException unavailable(OrderProcessingEvent event, Exception cause) {
        log.warn("order {}: the broker did not take the processing event: {}", event.orderId(), cause.toString());
        // A send that timed out may still have reached the broker's log just before it failed; then that event is
        // processed once and a second payment request is skipped as a duplicate, so "try again" is always safe.
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The order queue (Kafka) is not reachable right now,"
            + " so order " + event.orderId() + " was not accepted for processing and stays PENDING_PAYMENT. Try"
            + " again in a moment: paying again is safe, an order is never charged twice.");
    }
}
