package dev.orderly.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The payment simulator's knobs, as the API and the console's settings show them. */
public record GatewaySettingsView(
    @Min(value = 0, message = "latencyMinMs must be 0 or more")
    @Max(value = 60_000, message = "latencyMinMs must be at most 60000") long latencyMinMs,
    @Min(value = 0, message = "latencyMaxMs must be 0 or more")
    @Max(value = 60_000, message = "latencyMaxMs must be at most 60000") long latencyMaxMs,
    @DecimalMin(value = "0.0", message = "errorRate must be between 0 and 1")
    @DecimalMax(value = "1.0", message = "errorRate must be between 0 and 1") double errorRate,
    @DecimalMin(value = "0.0", message = "timeoutRate must be between 0 and 1")
    @DecimalMax(value = "1.0", message = "timeoutRate must be between 0 and 1") double timeoutRate) {
}
