package dev.orderly.backend.payment;

import dev.orderly.backend.db.TransactionInserts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The committed payment of an order: at most one per order, holding one gateway authorisation. */
@Entity
@Table(name = "payments")
public class Payment {

    /** Where the money stands at the gateway, as far as the database knows. */
    public enum State { AUTHORIZED, CAPTURED, REFUNDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, unique = true)
    private Long orderId;

    @Column(name = "idempotency_key", nullable = false, unique = true)
    private String idempotencyKey;

    @Column(name = "authorization_id", nullable = false, unique = true)
    private String authorizationId;

    @Column(name = "card_last4", nullable = false)
    private String cardLast4;

    @Column(nullable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Payment() {
    }

    public Payment(Long orderId, PaymentGateway.Authorization authorization, Instant now) {
        this.orderId = orderId;
        this.idempotencyKey = authorization.idempotencyKey();
        this.authorizationId = authorization.authorizationId();
        this.cardLast4 = authorization.cardLast4();
        this.amount = authorization.amount();
        this.state = State.AUTHORIZED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Queues this new payment's row for the current transaction's commit ({@link TransactionInserts}). */
    public void insertAtCommit(TransactionInserts inserts) {
        inserts.add("INSERT INTO payments (order_id, idempotency_key, authorization_id, card_last4, amount, state,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orderId, idempotencyKey, authorizationId,
            cardLast4, amount, state.name(), TransactionInserts.at(createdAt), TransactionInserts.at(updatedAt));
    }

    public void markRefunded(Instant now) {
        state = State.REFUNDED;
        updatedAt = now;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getAuthorizationId() {
        return authorizationId;
    }

    public String getCardLast4() {
        return cardLast4;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public State getState() {
        return state;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
