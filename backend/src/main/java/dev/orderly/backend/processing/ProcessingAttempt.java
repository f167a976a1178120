package dev.orderly.backend.processing;

import dev.orderly.backend.db.StoredNotes;
import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.model.Note;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.sql.Types;
import java.time.Instant;

/**
 * What happened to one delivery of an event: for the order's timeline. Plain JDBC: inserted with the caller's
 * commit ({@link #insertAtCommit}) or at once, and read, through {@link ProcessingAttemptRepository}.
 */
public final class ProcessingAttempt {

    static final String INSERT = "INSERT INTO processing_attempts (order_id, event_id, kind, detail, topic,"
        + " kafka_partition, kafka_offset, retry_count, attempted_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int MAX_DETAIL = 1000;
    private static final int MAX_VALUE = 400;

    private final Long orderId;
    private final String eventId;
    private final TimelineKind kind;
    private final String detail;
    private final String topic;
    private final Integer partition;
    private final Long offset;
    private final int retryCount;
    private final Instant attemptedAt;
    private final Note note;

    /** A new attempt, said by {@code note} (stored with its English). */
    public ProcessingAttempt(Long orderId, String eventId, TimelineKind kind, Note note, RecordOrigin origin,
        int retryCount, Instant at) {
        this(orderId, eventId, kind, english(StoredNotes.bounded(note, MAX_VALUE)),
            origin == null ? null : origin.topic(), origin == null ? null : origin.partition(),
            origin == null ? null : origin.offset(), retryCount, at, StoredNotes.bounded(note, MAX_VALUE));
    }

    /** An attempt as its row holds it. */
    ProcessingAttempt(Long orderId, String eventId, TimelineKind kind, String detail, String topic,
        Integer partition, Long offset, int retryCount, Instant attemptedAt, Note note) {
        this.orderId = orderId;
        this.eventId = eventId;
        this.kind = kind;
        this.detail = detail;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.retryCount = retryCount;
        this.attemptedAt = attemptedAt;
        this.note = note;
    }

    private static String english(Note note) {
        String detail = StoredNotes.english(note);
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    /** Queues this attempt's row for the current transaction's commit ({@link TransactionInserts}). */
    public void insertAtCommit(TransactionInserts inserts) {
        inserts.add(INSERT, values());
    }

    /** The values of {@link #INSERT}, in order. */
    Object[] values() {
        return new Object[] {orderId, eventId, kind.name(), TransactionInserts.nullable(detail, Types.VARCHAR),
            TransactionInserts.nullable(topic, Types.VARCHAR), TransactionInserts.nullable(partition, Types.INTEGER),
            TransactionInserts.nullable(offset, Types.BIGINT), retryCount, TransactionInserts.at(attemptedAt),
            TransactionInserts.nullable(StoredNotes.json(note), Types.VARCHAR)};
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getEventId() {
        return eventId;
    }

    public TimelineKind getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }

    /** What the attempt did, by its stable code; null for rows written before notes were stored. */
    public Note getNote() {
        return note;
    }

    public String getTopic() {
        return topic;
    }

    public Integer getPartition() {
        return partition;
    }

    public Long getOffset() {
        return offset;
    }

    public int getRetryCount() {
        return retryCount;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }
}
