package dev.orderly.backend.query;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How long an accepted order may wait for its outcome before it counts as stuck ({@code orderly.stuck-after}). */
@ConfigurationProperties("orderly")
@Validated
record StuckSettings(@NotNull @DefaultValue("30s") Duration stuckAfter) {
}
