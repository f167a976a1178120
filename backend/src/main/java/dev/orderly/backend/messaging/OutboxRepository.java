package dev.orderly.backend.messaging;

import dev.orderly.backend.db.JdbcRows;
import dev.orderly.backend.db.TransactionInserts;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox's rows, with plain JDBC; inserted with each status change's commit ({@link OutboxEvent}). */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the oldest {@code limit} unpublished rows for the caller's transaction: locked until it ends, and
     * skipped by every other relay meanwhile ({@code FOR UPDATE SKIP LOCKED}, which H2 and PostgreSQL both take),
     * so several backends relaying at once never publish the same row at the same time.
     */
    List<OutboxEvent> claimUnpublished(int limit) {
        return jdbc.sql("SELECT id, order_id, payload, created_at FROM outbox_events WHERE published_at IS NULL"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED").param(limit)
            .query((rs, rowNum) -> new OutboxEvent(rs.getLong("id"), rs.getLong("order_id"), rs.getString("payload"),
                JdbcRows.instant(rs, "created_at"))).list();
    }

    long countUnpublished() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NULL").query(Long.class).single();
    }

    int markPublished(Collection<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE outbox_events SET published_at = :at WHERE id IN (:ids)")
            .param("at", TransactionInserts.at(at)).param("ids", ids).update();
    }
}
