package dev.orderly.backend.db;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows inserted with the current transaction: queued as they are made and sent just before it commits, one JDBC
 * batch per statement, so a processing transaction of fifty orders sends a handful of batches instead of hundreds of
 * single inserts. If the transaction rolls back they are never sent. Plain JDBC instead of persisting entities:
 * Hibernate's work per identity insert was a third of the processing writer's samples (BENCHMARKS.md), and identity
 * ids keep Hibernate from batching them.
 *
 * <p>Whoever reads a table in the same transaction does not see its queued rows: use it only for rows nothing reads
 * back before the commit (history, outbox, inbox, the pipeline's payment, shipment and storage rows).
 */
@Component
public class TransactionInserts {

    private final JdbcTemplate jdbc;

    TransactionInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues one row of {@code sql} (an {@code INSERT} with a {@code ?} per value) for the current transaction's
     * commit. Values are bound as given: use {@link #at} for instants and {@link #nullable} for typed nulls.
     *
     * @throws IllegalTransactionStateException if no transaction is active
     */
    public void add(String sql, Object... values) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException("rows for " + sql + " need an active transaction");
        }
        // The synchronizations are the current transaction's own (an inner REQUIRES_NEW transaction has its own
        // list), which a bound resource would not be.
        Pending pending = null;
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending mine && mine.owner() == this) {
                pending = mine;
            }
        }
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.rows.computeIfAbsent(sql, s -> new ArrayList<>()).add(values);
    }

    /** An instant as the timestamp-with-time-zone value both databases take. */
    public static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** {@code value}, or a null of the given {@link Types} type (a bare null's type is looked up per statement). */
    public static Object nullable(Object value, int sqlType) {
        return value != null ? value : new SqlParameterValue(sqlType, null);
    }

    /** One transaction's queued rows, by statement in the order first used (a row may reference an earlier one). */
    private final class Pending implements TransactionSynchronization {

        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

        TransactionInserts owner() {
            return TransactionInserts.this;
        }

        @Override
        public void flush() {
            rows.forEach(jdbc::batchUpdate);
            rows.clear();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }
    }
}
