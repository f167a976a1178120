package dev.orderly.backend.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.backend.support.IntegrationTest;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows queued with a transaction reach the database with its commit and only then: not before (nothing is sent per
 * row), not after a rollback, not with an enclosing transaction's commit, and a row the database refuses fails the
 * commit with everything else the transaction did.
 */
@IntegrationTest
class TransactionInsertsIntegrationTest {

    /** An order id of no real order (processing_attempts has no foreign key), so nothing else here sees its rows. */
    private static final long ORDER = -8_000_001L;
    private static final String INSERT = "INSERT INTO processing_attempts (order_id, event_id, kind, detail,"
        + " retry_count, attempted_at) VALUES (?, ?, ?, ?, 0, ?)";

    @Autowired
    TransactionInserts inserts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void removeRows() {
        jdbc.update("DELETE FROM processing_attempts WHERE order_id = ?", ORDER);
    }

    @Test
    void rowsAreSentWithTheCommitInTheOrderTheyWereAdded() {
        int[] seenBeforeCommit = new int[1];
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            add("first", "ACCEPTED", null);
            add("second", "ATTEMPT_SUCCEEDED", "done");
            add("third", "ACCEPTED", null);
            seenBeforeCommit[0] = count();
        });

        assertThat(seenBeforeCommit[0]).as("rows visible inside the transaction before its commit").isZero();
        assertThat(jdbc.queryForList("SELECT event_id FROM processing_attempts WHERE order_id = ? ORDER BY id",
            String.class, ORDER)).containsExactly("first", "second", "third");
        assertThat(jdbc.queryForList("SELECT detail FROM processing_attempts WHERE order_id = ? ORDER BY id",
            String.class, ORDER)).containsExactly(null, "done", null);
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            add("rolled-back", "ACCEPTED", null);
            status.setRollbackOnly();
        });

        assertThat(count()).isZero();
    }

    @Test
    void anInnerTransactionCommitsItsOwnRowsAndNotTheEnclosingOnes() {
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            add("outer", "ACCEPTED", null);
            inner.executeWithoutResult(innerStatus -> add("inner", "ATTEMPT_FAILED", null));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForList("SELECT event_id FROM processing_attempts WHERE order_id = ?", String.class,
            ORDER)).containsExactly("inner");
    }

    @Test
    void aRefusedRowFailsTheCommitAndEverythingInTheTransactionIsRolledBack() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.update(INSERT, ORDER, "written-directly", "ACCEPTED", null, TransactionInserts.at(Instant.now()));
            add("valid", "ACCEPTED", null);
            add("refused", null, null);
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count()).isZero();
    }

    @Test
    void withoutATransactionNothingIsQueued() {
        assertThatThrownBy(() -> add("alone", "ACCEPTED", null)).isInstanceOf(IllegalTransactionStateException.class)
            .hasMessageContaining("active transaction");

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> add("later", "ACCEPTED", null));
        assertThat(jdbc.queryForList("SELECT event_id FROM processing_attempts WHERE order_id = ?", String.class,
            ORDER)).isEqualTo(List.of("later"));
    }

    private void add(String eventId, String kind, String detail) {
        inserts.add(INSERT, ORDER, eventId, TransactionInserts.nullable(kind, Types.VARCHAR),
            TransactionInserts.nullable(detail, Types.VARCHAR), TransactionInserts.at(Instant.now()));
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processing_attempts WHERE order_id = ?", Integer.class, ORDER);
    }
}
