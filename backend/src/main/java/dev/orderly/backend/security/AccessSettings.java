package dev.orderly.backend.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How clients may use the API once they know a password: how long a session token lasts, how many live (STOMP)
 * connections a user may hold, the request rate limits, and whether plain HTTP beyond loopback is accepted on
 * purpose (behind a TLS-terminating proxy). The users themselves are {@link SecuritySettings}.
 */
@ConfigurationProperties("orderly.security")
@Validated
public record AccessSettings(
    @NotNull @DefaultValue("12h") Duration sessionLifetime,
    @Min(1) @Max(10_000) @DefaultValue("20") int maxLiveConnectionsPerUser,
    @Valid @DefaultValue RateLimit rateLimit,
    @DefaultValue("false") boolean allowPlainHttp) {

    /** Failed sign-ins per account and address a minute; writes a second per user. */
    public record RateLimit(
        @Min(1) @DefaultValue("10") int failedSignIns,
        @Min(1) @DefaultValue("1000") int writesPerSecond) {
    }
}
