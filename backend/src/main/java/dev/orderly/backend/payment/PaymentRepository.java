package dev.orderly.backend.payment;

import dev.orderly.backend.db.JdbcRows;
import dev.orderly.backend.db.TransactionInserts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Committed payments, with plain JDBC (inside a transaction, through that transaction's connection). The rows are
 * inserted with the processing transaction's commit ({@link Payment#insertAtCommit}), never through here.
 */
@Repository
public class PaymentRepository {

    private static final String SELECT_PAYMENTS = "SELECT order_id, idempotency_key, authorization_id, card_last4,"
        + " amount, state, created_at, updated_at FROM payments ";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Payment> findByOrderId(Long orderId) {
        return jdbc.sql(SELECT_PAYMENTS + "WHERE order_id = ?").param(orderId).query(PaymentRepository::row).optional();
    }

    /** Marks the orders' payments captured; a payment no longer AUTHORIZED (refunded meanwhile) is left alone. */
    public int markCaptured(Collection<Long> orderIds, Instant now) {
        if (orderIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE payments SET state = 'CAPTURED', updated_at = :now WHERE order_id IN (:orders)"
            + " AND state = 'AUTHORIZED'").param("now", TransactionInserts.at(now)).param("orders", orderIds)
            .update();
    }

    /** Marks the order's payment refunded. */
    public void markRefunded(Long orderId, Instant now) {
        jdbc.sql("UPDATE payments SET state = 'REFUNDED', updated_at = ? WHERE order_id = ?")
            .params(TransactionInserts.at(now), orderId).update();
    }

    public boolean existsByIdempotencyKey(String idempotencyKey) {
        return jdbc.sql("SELECT 1 FROM payments WHERE idempotency_key = ?").param(idempotencyKey)
            .query(Integer.class).optional().isPresent();
    }

    public List<Payment> findByStateAndUpdatedAtBefore(Payment.State state, Instant before) {
        return jdbc.sql(SELECT_PAYMENTS + "WHERE state = ? AND updated_at < ?")
            .params(state.name(), TransactionInserts.at(before)).query(PaymentRepository::row).list();
    }

    private static Payment row(ResultSet rs, int rowNum) throws SQLException {
        return new Payment(rs.getLong("order_id"), rs.getString("idempotency_key"), rs.getString("authorization_id"),
            rs.getString("card_last4"), rs.getBigDecimal("amount"), Payment.State.valueOf(rs.getString("state")),
            JdbcRows.instant(rs, "created_at"), JdbcRows.instant(rs, "updated_at"));
    }
}
