package dev.orderly.backend.process;

import java.sql.ResultSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/**
 * Whether an event was already processed (the inbox, {@code processed_events}): asked twice for every order (before
 * its payment, and under its lock in the processing transaction). One primary-key read with plain JDBC; Spring
 * Data's {@code existsById} built its JPQL count query again on each call and was an eighth of the processing
 * writer's time (BENCHMARKS.md). Inside a transaction it reads through that transaction's connection.
 */
@Component
public class ProcessedEventLookup {

    private final JdbcTemplate jdbc;

    ProcessedEventLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean processed(String eventId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT 1 FROM processed_events WHERE event_id = ?",
            (ResultSetExtractor<Boolean>) ResultSet::next, eventId));
    }
}
