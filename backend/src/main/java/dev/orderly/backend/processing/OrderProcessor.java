package dev.orderly.backend.processing;

import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.order.CustomerOrder;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.payment.GatewayUnavailableException;
import dev.orderly.backend.payment.PaymentDeclinedException;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.payment.PaymentGateway.Authorization;
import dev.orderly.backend.payment.PaymentGateway.CardToken;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.TimelineEntry.TimelineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Processes one delivery of an {@link OrderProcessingEvent}: duplicate check, gateway authorisation outside any
 * transaction, the one database transaction, then capture. Transient failures surface as
 * {@link TransientProcessingException}; everything else ends here with the order's timeline telling why.
 */
@Component
class OrderProcessor {

    /** How a delivery ended. */
    enum Outcome { PROCESSED, DUPLICATE, DECLINED }

    private static final Logger log = LoggerFactory.getLogger(OrderProcessor.class);

    private final OrderRepository orders;
    private final ProcessedEventRepository inbox;
    private final PaymentGateway gateway;
    private final ProcessingTransaction transaction;
    private final PaymentCompensator compensator;
    private final PaymentCapturer capturer;
    private final AttemptLog attempts;
    private final FaultInjector faults;
    private final WorkPermits work;

    OrderProcessor(OrderRepository orders, ProcessedEventRepository inbox, PaymentGateway gateway,
        ProcessingTransaction transaction, PaymentCompensator compensator, PaymentCapturer capturer,
        AttemptLog attempts, FaultInjector faults, WorkPermits work) {
        this.work = work;
        this.orders = orders;
        this.inbox = inbox;
        this.gateway = gateway;
        this.transaction = transaction;
        this.compensator = compensator;
        this.capturer = capturer;
        this.attempts = attempts;
        this.faults = faults;
    }

    /** The gateway key of one attempt: a retry or redrive after a voided authorisation must get a fresh one. */
    static String idempotencyKey(OrderProcessingEvent event, RecordOrigin origin) {
        String redrive = origin.redrive() > 0 ? "#r" + origin.redrive() : "";
        return event.eventId() + redrive + "#" + event.retryCount();
    }

    /**
     * Processes the event. Only a few deliveries at a time do database and CPU work ({@link WorkPermits}); any
     * number may wait for the payment gateway at once. Hundreds of runnable worker threads would otherwise crowd out
     * the HTTP threads that answer 202s (the scheduler shares the cores per thread).
     */
    Outcome process(OrderProcessingEvent event, RecordOrigin origin) {
        work.acquire();
        try {
            return processHoldingPermit(event, origin);
        } finally {
            work.release();
        }
    }

    private Authorization authorizeWithoutPermit(String key, OrderProcessingEvent event) {
        work.release();
        try {
            return gateway.authorize(key, new CardToken(event.request().cardToken(), event.request().cardLast4()),
                event.request().amount());
        } finally {
            work.acquire();
        }
    }

    private Outcome processHoldingPermit(OrderProcessingEvent event, RecordOrigin origin) {
        faults.hit(InjectableFault.SLOW_CONSUMER);
        CustomerOrder order = orders.findById(event.orderId())
            .orElseThrow(() -> new UnprocessableEventException("order " + event.orderId() + " does not exist"));
        checkBelongs(event, order);
        if (inbox.existsById(event.eventId()) || order.getStatus() != OrderStatus.PENDING_PAYMENT) {
            return duplicate(event, origin, "order is " + order.getStatus());
        }
        String key = idempotencyKey(event, origin);
        Authorization authorization;
        try {
            authorization = authorizeWithoutPermit(key, event);
        } catch (PaymentDeclinedException e) {
            attempts.recordAlone(event.orderId(), event.eventId(), TimelineKind.ATTEMPT_FAILED,
                "payment declined: " + e.getMessage() + "; the order stays PENDING_PAYMENT", origin,
                event.retryCount());
            return Outcome.DECLINED;
        } catch (GatewayUnavailableException e) {
            compensateQuietly(event, key, "the gateway failed during authorisation", origin);
            throw new TransientProcessingException("payment gateway: " + e.getMessage(), e);
        }
        faults.hit(InjectableFault.CRASH_DURING_PAYMENT);
        try {
            OrderStatus reached = transaction.apply(event, authorization, origin);
            log.debug("order {} processed: {}", event.orderId(), reached);
        } catch (AlreadyProcessedException e) {
            compensateQuietly(event, key, e.getMessage(), origin);
            return duplicate(event, origin, e.getMessage());
        } catch (DataIntegrityViolationException e) {
            if (inbox.existsById(event.eventId())) {
                compensateQuietly(event, key, "a concurrent delivery committed first", origin);
                return duplicate(event, origin, "a concurrent delivery of the same event committed first");
            }
            compensateQuietly(event, key, "transaction rolled back: " + rootMessage(e), origin);
            throw new TransientProcessingException("processing rolled back: " + rootMessage(e), e);
        } catch (UnprocessableEventException e) {
            compensateQuietly(event, key, e.getMessage(), origin);
            throw e;
        } catch (RuntimeException e) {
            compensateQuietly(event, key, "transaction rolled back: " + rootMessage(e), origin);
            throw new TransientProcessingException("processing rolled back: " + rootMessage(e), e);
        }
        faults.hit(InjectableFault.CRASH_AFTER_COMMIT);
        capturer.capture(event.orderId(), key);
        return Outcome.PROCESSED;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    private void checkBelongs(OrderProcessingEvent event, CustomerOrder order) {
        if (!order.isOwnedBy(event.userEmail())) {
            throw new UnprocessableEventException("order " + order.getId() + " does not belong to "
                + event.userEmail());
        }
        if (order.getTotal().compareTo(event.request().amount()) != 0) {
            throw new UnprocessableEventException("amount " + event.request().amount() + " differs from the order"
                + " total " + order.getTotal());
        }
    }

    private Outcome duplicate(OrderProcessingEvent event, RecordOrigin origin, String why) {
        capturer.captureIfPending(event.orderId());
        attempts.recordAlone(event.orderId(), event.eventId(), TimelineKind.DUPLICATE_SKIPPED,
            "skipped, already processed (" + why + ")", origin, event.retryCount());
        return Outcome.DUPLICATE;
    }

    private void compensateQuietly(OrderProcessingEvent event, String key, String reason, RecordOrigin origin) {
        try {
            compensator.voidUnlessCommitted(event.orderId(), event.eventId(), key, reason, origin,
                event.retryCount());
        } catch (RuntimeException e) {
            log.warn("order {}: could not void authorisation {} now ({}); the reconciler will", event.orderId(), key,
                e.getMessage());
        }
    }
}
