package dev.orderly.backend.audit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How long audit entries are kept ({@code orderly.audit.retention}). */
@ConfigurationProperties("orderly.audit")
@Validated
record AuditSettings(@NotNull @DefaultValue("90d") Duration retention) {

    AuditSettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("orderly.audit.retention must be positive, e.g. 90d");
        }
    }
}
