package dev.orderly.backend.payment;

import dev.orderly.backend.db.TransactionInserts;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The committed payment of an order: at most one per order, holding one gateway authorisation. Plain JDBC, like
 * every row the processing transaction writes: inserted with the commit ({@link TransactionInserts}), read and
 * updated through {@link PaymentRepository}.
 */
public final class Payment {

    /** Where the money stands at the gateway, as far as the database knows. */
    public enum State { AUTHORIZED, CAPTURED, REFUNDED }

    private final Long orderId;
    private final String idempotencyKey;
    private final String authorizationId;
    private final String cardLast4;
    private final BigDecimal amount;
    private final State state;
    private final Instant createdAt;
    private final Instant updatedAt;

    public Payment(Long orderId, PaymentGateway.Authorization authorization, Instant now) {
        this(orderId, authorization.idempotencyKey(), authorization.authorizationId(), authorization.cardLast4(),
            authorization.amount(), State.AUTHORIZED, now, now);
    }

    /** A payment as its row holds it. */
    Payment(Long orderId, String idempotencyKey, String authorizationId, String cardLast4, BigDecimal amount,
        State state, Instant createdAt, Instant updatedAt) {
        this.orderId = orderId;
        this.idempotencyKey = idempotencyKey;
        this.authorizationId = authorizationId;
        this.cardLast4 = cardLast4;
        this.amount = amount;
        this.state = state;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** Queues this new payment's row for the current transaction's commit ({@link TransactionInserts}). */
    public void insertAtCommit(TransactionInserts inserts) {
        inserts.add("INSERT INTO payments (order_id, idempotency_key, authorization_id, card_last4, amount, state,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orderId, idempotencyKey, authorizationId,
            cardLast4, amount, state.name(), TransactionInserts.at(createdAt), TransactionInserts.at(updatedAt));
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
