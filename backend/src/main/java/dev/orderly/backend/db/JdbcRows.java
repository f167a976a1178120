package dev.orderly.backend.db;

import dev.orderly.model.Note;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reading a timestamp column the same way from both databases, and a stored {@link Note}. */
public final class JdbcRows {

    private JdbcRows() {
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column (H2 and PostgreSQL both give an {@link OffsetDateTime}). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A note column ({@link #note(Note)}); null when the row has none or it cannot be read (its English stands). */
    public static Note note(ResultSet rs, String column) throws SQLException {
        String json = rs.getString(column);
        if (json == null) {
            return null;
        }
        try {
            return JsonMapper.shared().readValue(json, Note.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** How a note is stored: its code and values as JSON, e.g. {@code {"code":"STORED_AT","args":{...}}}. */
    public static String note(Note note) {
        return note == null ? null : JsonMapper.shared().writeValueAsString(note);
    }
}
