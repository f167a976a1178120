package dev.orderly.backend.intake;

import dev.orderly.backend.db.GroupCommit;
import dev.orderly.backend.db.OrderedStop;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes payment claims ({@link PaymentClaims}) with group commit: each accepted request used to cost one commit of
 * its own (with H2's {@code WRITE_DELAY=0} a chunk written to the file; on PostgreSQL a WAL flush), the largest
 * single cost of the accept path in the profile (BENCHMARKS.md). The request thread queues its claim and waits; one
 * writer inserts whatever has queued up as one JDBC batch in one transaction. When an order in the batch is
 * already claimed (a double click, another backend) that transaction fails as a whole and the batch is inserted
 * again row by row, each alone, so every request still learns exactly whether its own claim was made.
 */
@Component
class ClaimInserts extends OrderedStop {

    private static final int MAX_BATCH = 500;
    private static final long WAIT_SECONDS = 60;
    private static final String INSERT = "INSERT INTO payment_claims (order_id, event_id, claimed_at) VALUES (?, ?, ?)";

    /** One claim to insert and, once written, what became of it. */
    private static final class Row {
        final long orderId;
        final String eventId;
        final Timestamp at;
        volatile boolean inserted;
        volatile RuntimeException failure;

        Row(long orderId, String eventId, Instant at) {
            this.orderId = orderId;
            this.eventId = eventId;
            this.at = Timestamp.from(at);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final GroupCommit<Row> rows;

    ClaimInserts(JdbcTemplate jdbc, TransactionTemplate transactions) {
        super(OrderedStop.WRITERS);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rows = new GroupCommit<>("payment-claims", MAX_BATCH, this::write);
    }

    /**
     * Inserts the claim and returns once it is committed: {@code true} if made, {@code false} if the order was
     * already claimed.
     *
     * @throws org.springframework.dao.DataAccessException if the database failed (nothing claimed then)
     */
    boolean insert(long orderId, String eventId, Instant at) {
        Row row = new Row(orderId, eventId, at);
        try {
            rows.submit(row).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // A claim's statement can only be refused for its key, which write() answers row by row; any other
            // failure of the batch (no connection, a commit or rollback on a connection the database dropped, as
            // when PostgreSQL is killed, shutting down) is the database's, answered 503: try again.
            throw new DataAccessResourceFailureException("claiming order " + orderId + " failed: "
                + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            // The writer is stuck on the database; should the claim still land, it is taken over once stale.
            throw new DataAccessResourceFailureException("claiming order " + orderId + " took over " + WAIT_SECONDS
                + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while claiming order " + orderId, e);
        }
        if (row.failure != null) {
            throw new DataAccessResourceFailureException("claiming order " + orderId + " failed: "
                + row.failure.getMessage(), row.failure);
        }
        return row.inserted;
    }

    private void write(List<Row> batch) {
        try {
            transactions.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, batch, batch.size(),
                (statement, row) -> {
                    statement.setLong(1, row.orderId);
                    statement.setString(2, row.eventId);
                    statement.setTimestamp(3, row.at);
                }));
            batch.forEach(row -> row.inserted = true);
        } catch (DataIntegrityViolationException claimed) {
            // Nothing of the batch committed: each row again on its own, so only the taken ones are refused.
            batch.forEach(this::insertAlone);
        }
    }

    private void insertAlone(Row row) {
        try {
            jdbc.update(INSERT, row.orderId, row.eventId, row.at);
            row.inserted = true;
        } catch (DuplicateKeyException taken) {
            row.inserted = false;
        } catch (RuntimeException e) {
            row.failure = e;
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    protected void stopWork() {
        rows.close();
    }

    @Override
    protected void startWork() {
        rows.start();
    }
}
