package dev.orderly.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A record of the DLT by partition and offset. */
public record RecordRef(@Min(value = 0, message = "partition must be 0 or more") @Max(value = 1000) int partition,
    @Min(value = 0, message = "offset must be 0 or more") long offset) {
}
