package dev.orderly.backend.db;

import dev.orderly.model.AuditEntry;
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

    /** An audit entry's notes column ({@link #notes(AuditEntry.Notes)}); none when it has none or is unreadable. */
    public static AuditEntry.Notes notes(String json) {
        if (json == null) {
            return AuditEntry.Notes.NONE;
        }
        try {
            return JsonMapper.shared().readValue(json, AuditEntry.Notes.class);
        } catch (JacksonException e) {
            return AuditEntry.Notes.NONE;
        }
    }

    /** How an audit entry's notes are stored: both as one JSON object. */
    public static String notes(AuditEntry.Notes notes) {
        return JsonMapper.shared().writeValueAsString(notes);
    }

    /** How a note is stored: its code and values as JSON, e.g. {@code {"code":"STORED_AT","args":{...}}}. */
    public static String note(Note note) {
        return note == null ? null : JsonMapper.shared().writeValueAsString(note);
    }
}
