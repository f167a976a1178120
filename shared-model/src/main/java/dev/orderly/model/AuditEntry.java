package dev.orderly.model;

import java.time.Instant;

/**
 * One staff action in the audit trail: who did what, when, on which backend.
 *
 * @param subject what it acted on ("order 42", "SHIPMENT_FAILS x3", "latency 50-200 ms"), or null
 * @param backend the name of the backend that carried it out ({@code orderly.instance-name})
 * @param notes the subject and the detail by their codes ({@link Notes}), for a client in another language
 */
public record AuditEntry(long id, Instant at, String user, AuditAction action, String subject, String detail,
    String backend, Notes notes) {

    public AuditEntry {
        notes = notes == null ? Notes.NONE : notes;
    }

    /** An entry without notes (written before notes were stored; tests). */
    public AuditEntry(long id, Instant at, String user, AuditAction action, String subject, String detail,
        String backend) {
        this(id, at, user, action, subject, detail, backend, Notes.NONE);
    }

    /**
     * The subject and the detail by their stable codes, so a client can say them in its user's language; either is
     * null where the entry stored none (a name such as a fault's needs none, or the entry is older than notes).
     */
    public record Notes(Note subject, Note detail) {

        /** No notes. */
        public static final Notes NONE = new Notes(null, null);
    }
}
