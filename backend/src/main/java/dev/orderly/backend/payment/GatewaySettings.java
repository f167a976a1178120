package dev.orderly.backend.payment;

import dev.orderly.model.GatewaySettingsView;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The payment simulator: latency (a preset, or an explicit range), decline rule, error and timeout rates.
 * {@code latency-min}/{@code latency-max} override the preset when set.
 */
@ConfigurationProperties("orderly.gateway")
@Validated
public record GatewaySettings(
    @NotNull @DefaultValue("default") Preset preset,
    Duration latencyMin,
    Duration latencyMax,
    @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.0") double errorRate,
    @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.0") double timeoutRate,
    @NotBlank @DefaultValue("0002") String declineSuffix) {

    /** Latency presets: {@code seed} is the write-up's 3-5 s payment. */
    public enum Preset {
        DEFAULT(Duration.ofMillis(50), Duration.ofMillis(200)),
        SEED(Duration.ofSeconds(3), Duration.ofSeconds(5)),
        INSTANT(Duration.ZERO, Duration.ZERO);

        private final Duration min;
        private final Duration max;

        Preset(Duration min, Duration max) {
            this.min = min;
            this.max = max;
        }
    }

    public GatewaySettings {
        if (latencyMin != null && latencyMax != null && latencyMax.compareTo(latencyMin) < 0) {
            throw new IllegalArgumentException("orderly.gateway.latency-max must not be below latency-min");
        }
    }

    /** The same settings with other error and timeout rates. */
    public GatewaySettings withRates(double newErrorRate, double newTimeoutRate) {
        return new GatewaySettings(preset, latencyMin, latencyMax, newErrorRate, newTimeoutRate, declineSuffix);
    }

    /** These settings as the API and the console show them. */
    public GatewaySettingsView toView() {
        return new GatewaySettingsView(effectiveMin().toMillis(), effectiveMax().toMillis(), errorRate, timeoutRate);
    }

    public Duration effectiveMin() {
        return latencyMin != null ? latencyMin : preset.min;
    }

    public Duration effectiveMax() {
        Duration max = latencyMax != null ? latencyMax : preset.max;
        return max.compareTo(effectiveMin()) < 0 ? effectiveMin() : max;
    }
}
