package dev.orderly.backend.processing;

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
 * captured by the periodic sweep. Capture is idempotent at the gateway, so doing it twice is harmless.
 */
@Component
class PaymentCapturer {

    private static final Logger log = LoggerFactory.getLogger(PaymentCapturer.class);
    private static final Duration SWEEP_AGE = Duration.ofSeconds(2);

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentCapturer(PaymentRepository payments, PaymentGateway gateway, TransactionTemplate transactions,
        Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.transactions = transactions;
        this.clock = clock;
    }

    void capture(long orderId, String idempotencyKey) {
        try {
            gateway.capture(idempotencyKey);
            transactions.executeWithoutResult(status -> payments.findByOrderId(orderId)
                .ifPresent(payment -> payment.markCaptured(clock.instant())));
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
}
