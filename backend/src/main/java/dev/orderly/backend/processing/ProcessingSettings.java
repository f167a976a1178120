package dev.orderly.backend.processing;

import dev.orderly.model.ProcessingMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The consumers: how many, how many orders each keeps in flight at once, how often a transient failure is retried
 * and how far apart.
 */
@ConfigurationProperties("orderly.processing")
@Validated
public record ProcessingSettings(
    @Min(1) @Max(64) @DefaultValue("3") int concurrency,
    @Min(1) @Max(64) @DefaultValue("1") int retryConcurrency,
    @Min(1) @Max(4000) @DefaultValue("1000") int maxInFlight,
    @Min(1) @Max(64) @DefaultValue("4") int workConcurrency,
    @Min(1) @Max(64) @DefaultValue("1") int workConcurrencyWhileAccepting,
    @Min(0) @Max(100) @DefaultValue("3") int maxRetries,
    @NotNull @DefaultValue("1s") Duration retryBackoff,
    @NotNull @DefaultValue("10s") Duration retryBackoffMax,
    @NotNull @DefaultValue("10s") Duration sendTimeout,
    @NotNull @DefaultValue("KAFKA") ProcessingMode mode,
    @Min(1) @Max(1000) @DefaultValue("200") int commitBatch,
    @Min(1) @Max(1000) @DefaultValue("200") int commitBatchWhileAccepting,
    @Min(1) @Max(16) @DefaultValue("1") int commitWriters) {

    /** Back-off before retry number {@code retry} (1-based): doubling from {@code retryBackoff}, capped. */
    public Duration backoffFor(int retry) {
        long millis = retryBackoff.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, retryBackoffMax.toMillis()));
    }
}
