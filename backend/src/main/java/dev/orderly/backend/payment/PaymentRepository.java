package dev.orderly.backend.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Committed payments. */
public interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByOrderId(Long orderId);

    /** Marks the orders' payments captured; a payment no longer AUTHORIZED (refunded meanwhile) is left alone. */
    @Modifying
    @Query("UPDATE Payment p SET p.state = dev.orderly.backend.payment.Payment.State.CAPTURED, p.updatedAt = :now"
        + " WHERE p.orderId IN :orderIds AND p.state = dev.orderly.backend.payment.Payment.State.AUTHORIZED")
    int markCaptured(@Param("orderIds") Collection<Long> orderIds, @Param("now") Instant now);

    boolean existsByIdempotencyKey(String idempotencyKey);

    List<Payment> findByStateAndUpdatedAtBefore(Payment.State state, Instant before);
}
