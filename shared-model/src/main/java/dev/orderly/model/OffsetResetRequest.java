package dev.orderly.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;

/**
 * A consumer group's offsets on one topic, moved ({@code POST /api/admin/kafka/groups/{group}/offsets/preview}
 * and {@code .../reset}).
 *
 * @param topic the topic whose offsets move
 * @param to where to
 * @param timestamp for {@link Target#TIMESTAMP}: the first record at or after it
 * @param offsets for {@link Target#OFFSETS}: the new offset per partition (partitions not named stay)
 */
public record OffsetResetRequest(@NotBlank String topic, @NotNull Target to, Instant timestamp,
    Map<Integer, Long> offsets) {

    /** Where a group's offsets go. */
    public enum Target { EARLIEST, LATEST, TIMESTAMP, OFFSETS }
}
