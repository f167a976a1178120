package dev.orderly.backend.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading a timestamp column the same way from both databases. */
public final class JdbcRows {

    private JdbcRows() {
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column (H2 and PostgreSQL both give an {@link OffsetDateTime}). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
