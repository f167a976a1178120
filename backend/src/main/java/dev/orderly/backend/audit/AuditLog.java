package dev.orderly.backend.audit;

import dev.orderly.backend.InstanceName;
import dev.orderly.backend.db.StoredNotes;
import dev.orderly.model.AuditAction;
import dev.orderly.model.AuditEntry;
import dev.orderly.model.Note;
import dev.orderly.model.NoteCode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The audit trail ({@code audit_log}): who did which staff action, when, on which backend. An action records itself
 * in the transaction that makes its change where it has one (order transitions, refunds, cancels), so the record and
 * the change commit together; an action on a backend's memory (faults, simulator, mode, consumers) is recorded first
 * and applied after ({@link #recordThenApply}), so a database that cannot take the record refuses the change (503)
 * instead of leaving it unrecorded. Shared by every backend of one database, so "who changed this" is answered for
 * all of them. Entries older than {@code orderly.audit.retention} (90 days) are deleted once a day.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int DETAIL_MAX = 2000;
    private static final int SUBJECT_MAX = 200;
    private static final String COLUMNS = "id, recorded_at, user_email, action, subject, detail, backend, notes";
    private static final int NOTE_VALUE_MAX = 600;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final InstanceName instance;
    private final Instant started;
    private final Duration retention;

    AuditLog(JdbcTemplate jdbc, Clock clock, InstanceName instance, AuditSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instance = instance;
        this.retention = settings.retention();
        this.started = clock.instant();
    }

    /**
     * Records that {@code user} did {@code action} to {@code subject} (null: the backend as a whole), said by their
     * notes: each is stored in English and by its code ({@link AuditEntry.Notes}).
     */
    public void record(String user, AuditAction action, Note subject, Note detail) {
        insert(user, action, subject, detail);
        log.info("audit: {} {} {}: {}", user, action, subject == null ? "" : StoredNotes.english(subject),
            StoredNotes.english(detail));
    }

    /**
     * A change to this backend's memory, recorded first: if the record cannot be written (the database is down)
     * the exception goes to the caller and {@code change} never runs, so nothing changed unrecorded; if
     * {@code change} fails, its record is taken back. Either both happen or neither.
     */
    public void recordThenApply(String user, AuditAction action, Note subject, Note detail, Runnable change) {
        long id = insert(user, action, subject, detail);
        try {
            change.run();
        } catch (RuntimeException e) {
            jdbc.update("DELETE FROM audit_log WHERE id = ?", id);
            throw e;
        }
        log.info("audit: {} {} {}: {}", user, action, subject == null ? "" : StoredNotes.english(subject),
            StoredNotes.english(detail));
    }

    /** A name said the same in every language (a fault's, a mode's, a backend's). */
    public static Note name(Object name) {
        return NoteCode.NAME.with(name);
    }

    private long insert(String user, AuditAction action, Note subjectNote, Note detailNote) {
        Note subject = StoredNotes.bounded(subjectNote, NOTE_VALUE_MAX);
        Note detail = StoredNotes.bounded(detailNote, NOTE_VALUE_MAX);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (recorded_at, user_email,"
                + " action, subject, detail, backend, notes) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, user);
            insert.setString(3, action.name());
            insert.setString(4, cut(StoredNotes.english(subject), SUBJECT_MAX));
            insert.setString(5, cut(StoredNotes.english(detail), DETAIL_MAX));
            insert.setString(6, instance.value());
            insert.setString(7, StoredNotes.json(new AuditEntry.Notes(subject, detail)));
            return insert;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /** Deletes the entries older than the retention; at start and once a day. */
    @Scheduled(initialDelayString = "${orderly.audit.purge-delay:1m}",
        fixedDelayString = "${orderly.audit.purge-every:1d}")
    public int purgeExpired() {
        Instant before = clock.instant().minus(retention);
        int deleted = jdbc.update("DELETE FROM audit_log WHERE recorded_at < ?", Timestamp.from(before));
        if (deleted > 0) {
            log.info("audit: deleted {} entries older than {} (orderly.audit.retention)", deleted, retention);
        }
        return deleted;
    }

    /** The newest {@code limit} entries, newest first; only those of {@code action} when it is not null. */
    public List<AuditEntry> recent(int limit, AuditAction action) {
        if (action == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM audit_log ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                AuditLog::entry, limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_log WHERE action = ? ORDER BY id DESC"
            + " FETCH FIRST ? ROWS ONLY", AuditLog::entry, action.name(), limit);
    }

    /**
     * The newest entry of any of {@code actions} done on this backend since it started: the settings they change live
     * in its memory, so an older change (before a restart, or on another backend) says nothing about them.
     */
    public Optional<AuditEntry> lastOnThisBackend(Collection<AuditAction> actions) {
        String marks = String.join(", ", actions.stream().map(a -> "?").toList());
        Object[] args = new Object[actions.size() + 2];
        int i = 0;
        for (AuditAction action : actions) {
            args[i++] = action.name();
        }
        args[i++] = instance.value();
        args[i] = Timestamp.from(started);
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_log WHERE action IN (" + marks + ") AND backend = ?"
            + " AND recorded_at >= ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", AuditLog::entry, args).stream()
            .findFirst();
    }

    private static AuditEntry entry(ResultSet row, int n) throws SQLException {
        return new AuditEntry(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
            AuditAction.valueOf(row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
            StoredNotes.read(row.getString(8), AuditEntry.Notes.class));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
