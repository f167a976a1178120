package dev.orderly.backend.process;

import dev.orderly.backend.db.GroupCommit;
import dev.orderly.backend.db.OrderedStop;
import dev.orderly.backend.payment.Payment;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.payment.PaymentRepository;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Captures committed authorisations after the commit; whatever a crash or a gateway error left uncaptured is
 * captured by the periodic sweep. Capture is idempotent at the gateway, so doing it twice is harmless. The
 * payment rows are marked captured with group commit: the worker does not wait for it (a crash before the mark
 * leaves the row AUTHORIZED, and the sweep captures it again, harmlessly).
 */
@Component
class PaymentCapturer extends OrderedStop {

    private static final Logger log = LoggerFactory.getLogger(PaymentCapturer.class);
    private static final Duration SWEEP_AGE = Duration.ofSeconds(2);

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final GroupCommit<Long> marks;

    PaymentCapturer(PaymentRepository payments, PaymentGateway gateway, TransactionTemplate transactions,
        Clock clock) {
        super(OrderedStop.WRITERS);
        this.payments = payments;
        this.gateway = gateway;
        this.clock = clock;
        this.marks = new GroupCommit<>("capture-marks", 500, orderIds -> transactions.executeWithoutResult(
            status -> payments.markCaptured(orderIds, clock.instant())));
    }

    void capture(long orderId, String idempotencyKey) {
        try {
            gateway.capture(idempotencyKey);
            marks.submit(orderId).whenComplete((done, failed) -> {
                if (failed != null) {
                    log.warn("order {}: captured, but the payment row was not marked ({}); the sweep will retry",
                        orderId, failed.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("order {}: capture failed ({}); the sweep will retry", orderId, e.getMessage());
        }
    }

    void captureIfPending(long orderId) {
        payments.findByOrderId(orderId).filter(p -> p.getState() == Payment.State.AUTHORIZED)
            .ifPresent(p -> capture(orderId, p.getIdempotencyKey()));
    }

    @Scheduled(fixedDelayString = "${orderly.processing.capture-sweep:2s}")
    void sweep() {
        for (Payment payment : payments.findByStateAndUpdatedAtBefore(Payment.State.AUTHORIZED,
            clock.instant().minus(SWEEP_AGE))) {
            capture(payment.getOrderId(), payment.getIdempotencyKey());
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    protected void stopWork() {
        marks.close();
    }

    @Override
    protected void startWork() {
        marks.start();
    }
}
