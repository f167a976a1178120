package dev.orderly.model;

import java.time.Instant;
import java.util.List;

/** Lag of every watched group and partition at one moment ({@code GET /api/pipeline/lag}). */
public record LagSnapshot(Instant at, List<PartitionLag> partitions, long totalLag) {
}
