package dev.orderly.backend.compensation;

import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.payment.PaymentRepository;
import dev.orderly.backend.processing.AttemptLog;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.model.NoteCode;
import dev.orderly.model.TimelineEntry.TimelineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voids an authorisation whose transaction rolled back, unless a committed payment holds it (a duplicate's
 * authorisation, deduplicated by its key, is the original's). Runs under the order's row lock.
 */
@Component
public class PaymentCompensator {

    private static final Logger log = LoggerFactory.getLogger(PaymentCompensator.class);

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final AttemptLog attempts;

    PaymentCompensator(OrderRepository orders, PaymentRepository payments, PaymentGateway gateway,
        AttemptLog attempts) {
        this.orders = orders;
        this.payments = payments;
        this.gateway = gateway;
        this.attempts = attempts;
    }

    /** Returns whether an authorisation was voided. */
    @Transactional
    public boolean voidUnlessCommitted(long orderId, String eventId, String idempotencyKey, String reason,
        RecordOrigin origin, int retryCount) {
        orders.lockById(orderId);
        if (payments.existsByIdempotencyKey(idempotencyKey)) {
            return false;
        }
        boolean voided = gateway.voidAuthorization(idempotencyKey);
        if (voided) {
            log.info("order {}: voided authorisation {} ({})", orderId, idempotencyKey, reason);
            attempts.recordAlone(orderId, eventId, TimelineKind.COMPENSATED,
                NoteCode.AUTHORISATION_VOIDED.with(reason), origin, retryCount);
        }
        return voided;
    }

    /**
     * The same for an authorisation found open long after its attempt ({@link OpenAuthorizationSweep}): its first
     * void was lost, or never tried (the backend stopped between the two). Under the order's row lock, so a
     * processing transaction of the same order either committed first (then its payment holds the key) or sees the
     * void and retries with a fresh key.
     */
    @Transactional
    public boolean voidOrphan(long orderId, String eventId, String idempotencyKey) {
        if (orders.lockById(orderId).isEmpty() || payments.existsByIdempotencyKey(idempotencyKey)) {
            return false;
        }
        boolean voided = gateway.voidAuthorization(idempotencyKey);
        if (voided) {
            log.info("order {}: voided authorisation {}, left open by an attempt that never committed",
                orderId, idempotencyKey);
            attempts.recordAlone(orderId, eventId, TimelineKind.COMPENSATED, NoteCode.ORPHAN_VOIDED.with(), null, 0);
        }
        return voided;
    }
}
