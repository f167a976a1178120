package dev.orderly.backend.compensation;

import dev.orderly.backend.payment.PaymentGateway;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Voids every authorisation that no committed payment holds and that has stayed open for
 * {@code orderly.processing.void-after} (60 s): an attempt voids its own authorisation when its transaction rolls
 * back, but when the database that transaction died with is also where the void is written (an outage), or the
 * backend stopped between the two, that void is lost. This sweep retries it every
 * {@code orderly.processing.void-sweep} (10 s) until it lands, on every backend (each void is under the order's
 * lock and idempotent). An attempt still running after so long finds its authorisation voided and retries with a
 * fresh key, as after any concurrent void.
 */
@Component
class OpenAuthorizationSweep {

    /** {@code orderly.processing.void-after}: older than any processing transaction still running. */
    @ConfigurationProperties("orderly.processing")
    record Settings(@NotNull @DefaultValue("60s") Duration voidAfter) {
    }

    private static final Logger log = LoggerFactory.getLogger(OpenAuthorizationSweep.class);

    private final PaymentGateway gateway;
    private final PaymentCompensator compensator;
    private final Clock clock;
    private final Duration after;

    OpenAuthorizationSweep(PaymentGateway gateway, PaymentCompensator compensator, Clock clock,
        Settings settings) {
        this.gateway = gateway;
        this.compensator = compensator;
        this.clock = clock;
        this.after = settings.voidAfter();
    }

    /** Returns how many authorisations it voided. */
    @Scheduled(initialDelayString = "${orderly.processing.void-sweep:10s}",
        fixedDelayString = "${orderly.processing.void-sweep:10s}")
    int sweep() {
        int voided = 0;
        try {
            for (String key : gateway.openAuthorizations(clock.instant().minus(after))) {
                Long orderId = orderOf(key);
                if (orderId != null && compensator.voidOrphan(orderId, eventOf(key), key)) {
                    voided++;
                }
            }
        } catch (RuntimeException e) {
            log.warn("open authorisations not swept now ({}); the next sweep tries again", e.getMessage());
        }
        return voided;
    }

    /** The order of a key {@code <orderId>-<uuid>[#r<n>]#<retry>} ({@code OrderProcessor.idempotencyKey}). */
    static Long orderOf(String key) {
        int dash = key.indexOf('-');
        try {
            return dash > 0 ? Long.valueOf(key.substring(0, dash)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String eventOf(String key) {
        int hash = key.indexOf('#');
        return hash > 0 ? key.substring(0, hash) : key;
    }
}
