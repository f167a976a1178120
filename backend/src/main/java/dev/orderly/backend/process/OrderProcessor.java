package dev.orderly.backend.process;

import dev.orderly.model.Note;
import dev.orderly.backend.compensation.PaymentCompensator;
import dev.orderly.backend.InstanceName;
import dev.orderly.backend.db.DatabaseOutages;
import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.intake.PaymentClaims;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.payment.GatewayUnavailableException;
import dev.orderly.backend.payment.PaymentDeclinedException;
import dev.orderly.backend.payment.PaymentGateway.Authorization;
import dev.orderly.backend.payment.PaymentGateway.CardToken;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.processing.AttemptLog;
import dev.orderly.backend.process.Outcome.DeadLetter;
import dev.orderly.backend.process.Outcome.Declined;
import dev.orderly.backend.process.Outcome.Duplicate;
import dev.orderly.backend.process.Outcome.Processed;
import dev.orderly.backend.process.Outcome.Retry;
import dev.orderly.backend.process.Outcome.Unavailable;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.model.NoteCode;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.TimelineEntry.TimelineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Processes one delivery of an {@link OrderProcessingEvent} and says how it ended ({@link Outcome}): the
 * {@link Processability} check, gateway authorisation outside any transaction, the one database transaction, then
 * capture. Whatever fails is turned into an outcome here (an authorisation left behind by a failure is voided
 * first); what happens to the Kafka record afterwards is {@link OutcomeRouter}'s job.
 */
@Component
public class OrderProcessor {

    private static final Logger log = LoggerFactory.getLogger(OrderProcessor.class);

    private final OrderRepository orders;
    private final ProcessedEventLookup inbox;
    private final PaymentGateway gateway;
    private final ProcessingCommits commits;
    private final PaymentCompensator compensator;
    private final PaymentCapturer capturer;
    private final AttemptLog attempts;
    private final FaultInjector faults;
    private final WorkBulkhead bulkhead;
    private final PaymentClaims claims;
    private final InstanceName instance;
    private final ProcessingTransaction transaction;

    OrderProcessor(OrderRepository orders, ProcessedEventLookup inbox, PaymentGateway gateway,
        ProcessingCommits commits, PaymentCompensator compensator, PaymentCapturer capturer,
        AttemptLog attempts, FaultInjector faults, WorkBulkhead bulkhead, PaymentClaims claims,
        InstanceName instance, ProcessingTransaction transaction) {
        this.transaction = transaction;
        this.instance = instance;
        this.claims = claims;
        this.bulkhead = bulkhead;
        this.orders = orders;
        this.inbox = inbox;
        this.gateway = gateway;
        this.commits = commits;
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
     * Processes the event. Only the pre-check (the order and inbox reads) holds a {@link WorkBulkhead} permit; the
     * gateway call holds none, so any number of deliveries may wait for the gateway at once, and the commit goes to
     * {@link ProcessingCommits}' writers, a lane of database work of their own that takes no permit either. The
     * pre-check keeps a duplicate or an unprocessable event away from the gateway; the commit decides again under the
     * order's row lock, which is the decision that counts.
     *
     * @throws InterruptedException if shutdown interrupted the wait for a permit; nothing is left authorised
     */
    public Outcome process(OrderProcessingEvent event, RecordOrigin origin) throws InterruptedException {
        try {
            return attempt(event, origin);
        } catch (RuntimeException e) {
            if (DatabaseOutages.isOutage(e)) {
                return unavailable(e);
            }
            log.warn("order {}: unexpected failure, treated as transient: {}", event.orderId(), e.toString());
            return new Retry("processing failed: " + rootMessage(e), e);
        }
    }

    private Outcome attempt(OrderProcessingEvent event, RecordOrigin origin) throws InterruptedException {
        try (WorkBulkhead.Permit permit = bulkhead.enter()) {
            faults.hit(InjectableFault.SLOW_CONSUMER);
            Processability check = Processability.assess(event, orders.findById(event.orderId()).orElse(null),
                inbox.processed(event.eventId()));
            switch (check.verdict()) {
                case UNPROCESSABLE:
                    return new DeadLetter(check.why(), null);
                case ALREADY_DONE:
                    return duplicate(event, origin, check.why());
                default:
                    break;
            }
        }
        // No permit held from here on, and none taken for the commit: ProcessingCommits' writers are a lane of their
        // own, and any number of deliveries may wait for the gateway at once.
        if (faults.strike(InjectableFault.PAYMENT_DECLINED)) {
            // A trainer's decline: as the issuer's, before anything is authorised, so nothing is held or charged.
            return declined(event, origin, "the card issuer declined it (a decline injected by a trainer)");
        }
        String key = idempotencyKey(event, origin);
        OrderStatus reached = null;
        Abandoned abandoned = null;
        InterruptedException interrupted = null;
        try {
            Authorization authorization = gateway.authorize(key, new CardToken(event.request().cardToken(),
                event.request().cardLast4()), event.request().amount());
            faults.hit(InjectableFault.CRASH_DURING_PAYMENT);
            reached = commits.apply(event, authorization, origin);
        } catch (PaymentDeclinedException e) {
            return declined(event, origin, e.getMessage());
        } catch (InterruptedException e) {
            // Interrupted before a writer took it, so it is never committed.
            abandoned = new Abandoned("shutting down before the commit", null);
            interrupted = e;
        } catch (RuntimeException e) {
            abandoned = abandoned(event, e);
        }
        if (abandoned == null) {
            return processed(event, origin, key, reached);
        }
        // The one place an authorisation left behind is voided: whatever ended the attempt before its commit. Voided
        // only if no committed payment holds the key, checked under the order's lock (PaymentCompensator).
        voidQuietly(event, key, abandoned.voidReason(), origin);
        if (interrupted != null) {
            throw interrupted;
        }
        return abandoned.outcome() instanceof Duplicate duplicate ? duplicate(event, origin, duplicate.why())
            : abandoned.outcome();
    }

    /** An attempt given up before its commit: why its authorisation is voided, and how the delivery ends. */
    private record Abandoned(String voidReason, Outcome outcome) {
    }

    /** What a failure of the gateway call or of the commit means for the delivery. */
    private Abandoned abandoned(OrderProcessingEvent event, RuntimeException e) {
        if (e instanceof GatewayUnavailableException) {
            return new Abandoned("the gateway failed during authorisation", DatabaseOutages.isOutage(e)
                ? unavailable(e) : new Retry("payment gateway: " + e.getMessage(), e));
        }
        if (e instanceof AlreadyProcessedException done) {
            return new Abandoned(e.getMessage(), new Duplicate(done.why()));
        }
        if (e instanceof UnprocessableEventException never) {
            return new Abandoned(e.getMessage(), new DeadLetter(never.why(), e));
        }
        String rolledBack = "transaction rolled back: " + rootMessage(e);
        if (e instanceof DataIntegrityViolationException && inbox.processed(event.eventId())) {
            return new Abandoned("a concurrent delivery committed first",
                new Duplicate(NoteCode.CONCURRENT_DELIVERY_FIRST.with()));
        }
        if (DatabaseOutages.isOutage(e)) {
            return new Abandoned(rolledBack, unavailable(e));
        }
        return new Abandoned(rolledBack, new Retry("processing rolled back: " + rootMessage(e), e));
    }

    private Outcome processed(OrderProcessingEvent event, RecordOrigin origin, String key, OrderStatus reached) {
        log.debug("order {} processed: {}", event.orderId(), reached);
        faults.hit(InjectableFault.CRASH_AFTER_COMMIT);
        capturer.capture(event.orderId(), key);
        if (reached == OrderStatus.PAYMENT_COMPLETED) {
            reached = restAfterPayment(event, origin);
        }
        return new Processed(reached);
    }

    private Outcome declined(OrderProcessingEvent event, RecordOrigin origin, String why) {
        // Released first: once the timeline says "declined", paying again is accepted.
        claims.release(event.orderId(), event.eventId());
        attempts.recordAlone(event.orderId(), event.eventId(), TimelineKind.ATTEMPT_FAILED,
            NoteCode.PAYMENT_DECLINED.with(why), origin, event.retryCount());
        return new Declined(why);
    }

    /**
     * The payment-only teaching mode's second transaction (the seed's first attempt). Its failure is not retried and
     * not compensated, exactly as there: the money is taken and the order is left unfinished, for the invariant
     * checker to name and {@code POST /api/admin/reconcile} to refund.
     */
    private OrderStatus restAfterPayment(OrderProcessingEvent event, RecordOrigin origin) {
        try {
            return transaction.completeAfterPayment(event);
        } catch (RuntimeException e) {
            log.warn("order {}: paid, but the rest of the order failed in its own transaction ({}); payment-only"
                + " teaching mode leaves it paid and unfinished", event.orderId(), rootMessage(e));
            attempts.recordAlone(event.orderId(), event.eventId(), TimelineKind.ATTEMPT_FAILED,
                NoteCode.REST_FAILED_AFTER_PAYMENT.with(rootMessage(e)), origin, event.retryCount());
            return OrderStatus.PAYMENT_COMPLETED;
        }
    }

    private static Outcome unavailable(RuntimeException e) {
        return new Unavailable("the database is not reachable: " + rootMessage(e), e);
    }

    /** The deepest message in the cause chain (skipping causes without one), at most 300 characters. */
    public static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        message = String.valueOf(message);
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    private Outcome duplicate(OrderProcessingEvent event, RecordOrigin origin, Note why) {
        capturer.captureIfPending(event.orderId());
        attempts.recordAlone(event.orderId(), event.eventId(), TimelineKind.DUPLICATE_SKIPPED,
            NoteCode.DUPLICATE_SKIPPED.with(instance.value(), why), origin, event.retryCount());
        return new Duplicate(why);
    }

    private void voidQuietly(OrderProcessingEvent event, String key, String reason, RecordOrigin origin) {
        try {
            compensator.voidUnlessCommitted(event.orderId(), event.eventId(), key, reason, origin,
                event.retryCount());
        } catch (RuntimeException e) {
            log.warn("order {}: could not void authorisation {} now ({}); the reconciler will", event.orderId(), key,
                e.getMessage());
        }
    }
}
