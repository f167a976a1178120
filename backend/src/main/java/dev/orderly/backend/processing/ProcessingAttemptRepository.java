package dev.orderly.backend.processing;

import dev.orderly.backend.db.JdbcRows;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Processing attempts, for timelines and checks, with plain JDBC. */
@Repository
public class ProcessingAttemptRepository {

    private final JdbcClient jdbc;

    ProcessingAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the attempt now, in the current transaction. */
    void insert(ProcessingAttempt attempt) {
        jdbc.sql(ProcessingAttempt.INSERT).params(attempt.values()).update();
    }

    public List<ProcessingAttempt> findByOrderIdOrderByIdAsc(Long orderId) {
        return jdbc.sql("SELECT order_id, event_id, kind, detail, topic, kafka_partition, kafka_offset, retry_count,"
            + " attempted_at, note FROM processing_attempts WHERE order_id = ? ORDER BY id").param(orderId)
            .query((rs, rowNum) -> new ProcessingAttempt(rs.getLong("order_id"), rs.getString("event_id"),
                TimelineKind.valueOf(rs.getString("kind")), rs.getString("detail"), rs.getString("topic"),
                rs.getObject("kafka_partition", Integer.class), rs.getObject("kafka_offset", Long.class),
                rs.getInt("retry_count"), JdbcRows.instant(rs, "attempted_at"),
                JdbcRows.note(rs, "note"))).list();
    }

    public long countByOrderIdAndKind(Long orderId, TimelineKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM processing_attempts WHERE order_id = ? AND kind = ?")
            .params(orderId, kind.name()).query(Long.class).single();
    }
}
