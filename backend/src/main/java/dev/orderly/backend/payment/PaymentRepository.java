package dev.orderly.backend.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Committed payments. */
public interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByOrderId(Long orderId);

    boolean existsByIdempotencyKey(String idempotencyKey);

    List<Payment> findByStateAndUpdatedAtBefore(Payment.State state, Instant before);
}
