package dev.orderly.backend.processing;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.model.TimelineEntry.TimelineKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Types;
import java.time.Instant;

/** What happened to one delivery of an event: for the order's timeline. */
@Entity
@Table(name = "processing_attempts")
public class ProcessingAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private Long orderId;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TimelineKind kind;

    private String detail;

    private String topic;

    @Column(name = "kafka_partition")
    private Integer partition;

    @Column(name = "kafka_offset")
    private Long offset;

    @Column(name = "retry_count", nullable = false)
    private int retryCount;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    protected ProcessingAttempt() {
    }

    public ProcessingAttempt(Long orderId, String eventId, TimelineKind kind, String detail, RecordOrigin origin,
        int retryCount, Instant at) {
        this.orderId = orderId;
        this.eventId = eventId;
        this.kind = kind;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        if (origin != null) {
            this.topic = origin.topic();
            this.partition = origin.partition();
            this.offset = origin.offset();
        }
        this.retryCount = retryCount;
        this.attemptedAt = at;
    }

    /** Queues this attempt's row for the current transaction's commit ({@link TransactionInserts}). */
    public void insertAtCommit(TransactionInserts inserts) {
        inserts.add("INSERT INTO processing_attempts (order_id, event_id, kind, detail, topic, kafka_partition,"
            + " kafka_offset, retry_count, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", orderId, eventId,
            kind.name(), TransactionInserts.nullable(detail, Types.VARCHAR),
            TransactionInserts.nullable(topic, Types.VARCHAR), TransactionInserts.nullable(partition, Types.INTEGER),
            TransactionInserts.nullable(offset, Types.BIGINT), retryCount, TransactionInserts.at(attemptedAt));
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
