package dev.orderly.backend.db;

import dev.orderly.model.Note;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading a timestamp column the same way from both databases, and a stored {@link Note}. */
public final class JdbcRows {

    private JdbcRows() {
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column (H2 and PostgreSQL both give an {@link OffsetDateTime}). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A note column ({@link StoredNotes}); null when the row has none or it cannot be read (its English stands). */
    public static Note note(ResultSet rs, String column) throws SQLException {
        return StoredNotes.read(rs.getString(column), Note.class);
    }
}
