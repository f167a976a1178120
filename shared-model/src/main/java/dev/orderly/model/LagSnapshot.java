package dev.orderly.model;

import java.time.Instant;
import java.util.List;

/**
 * The pipeline at one moment ({@code GET /api/pipeline/lag}, {@code /topic/pipeline}): lag per group and
 * partition (transaction markers excluded), rates in and out, retry and DLT totals, and lag in business terms.
 *
 * @param inPerSecond        events appended to {@code order-processing-topic} per second since the last snapshot
 * @param processedPerSecond offsets committed by {@code order-processing-group} per second since the last snapshot
 * @param retried            records ever written to {@code order-retry-topic}
 * @param deadLettered       records ever written to {@code order-processing-dlt}
 * @param pendingPayment     orders waiting in PENDING_PAYMENT
 * @param oldestPending      when the oldest of them was last updated, or null
 * @param stuckAccepted      orders accepted for payment (202) more than {@code stuckAfterSeconds} ago and still
 *                           without an outcome: what the pipeline owes ({@code GET /api/admin/stuck-orders} lists them)
 * @param stuckAfterSeconds  the backend's threshold for that ({@code orderly.stuck-after})
 */
public record LagSnapshot(Instant at, List<PartitionLag> partitions, long totalLag, double inPerSecond,
    double processedPerSecond, long retried, long deadLettered, long pendingPayment, Instant oldestPending,
    long stuckAccepted, long stuckAfterSeconds) {

    /** A snapshot without the stuck-order count (none stuck; threshold unknown). */
    public LagSnapshot(Instant at, List<PartitionLag> partitions, long totalLag, double inPerSecond,
        double processedPerSecond, long retried, long deadLettered, long pendingPayment, Instant oldestPending) {
        this(at, partitions, totalLag, inPerSecond, processedPerSecond, retried, deadLettered, pendingPayment,
            oldestPending, 0, 0);
    }

    public static LagSnapshot empty(Instant at) {
        return new LagSnapshot(at, List.of(), 0, 0, 0, 0, 0, 0, null);
    }
}
