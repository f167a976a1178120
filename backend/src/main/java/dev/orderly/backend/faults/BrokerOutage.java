package dev.orderly.backend.faults;

import dev.orderly.backend.kafka.EmbeddedKafkaBroker;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * A broker outage for fault drills (embedded mode only): the in-process broker stops now and starts again after a
 * few seconds, keeping its data. Meanwhile the API answers 503 and changes nothing; afterwards the consumers,
 * the outbox relay and the lag monitor reconnect by themselves.
 */
@Component
public class BrokerOutage implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BrokerOutage.class);

    private final ObjectProvider<EmbeddedKafkaBroker> broker;
    /** Its own thread, not the shared scheduler's: restarting the broker takes seconds. */
    private final ThreadPoolTaskScheduler timer = new ThreadPoolTaskScheduler();
    private volatile Instant backAt;

    BrokerOutage(ObjectProvider<EmbeddedKafkaBroker> broker) {
        this.broker = broker;
        timer.setThreadNamePrefix("broker-outage-");
        timer.setDaemon(true);
        timer.initialize();
    }

    /** Stops the embedded broker for {@code duration}; returns when it is down. */
    public synchronized Instant start(Duration duration) {
        EmbeddedKafkaBroker embedded = broker.getIfAvailable();
        if (embedded == null) {
            throw ApiException.conflict(ErrorCode.OUTAGE_NEEDS_EMBEDDED_BROKER.problem(),
                "A broker outage can only be staged with the embedded broker; this backend"
                + " uses an external Kafka cluster");
        }
        if (backAt != null) {
            throw ApiException.conflict(ErrorCode.OUTAGE_UNDER_WAY.with(backAt),
                "A broker outage is already under way until " + backAt);
        }
        embedded.stopForOutage();
        backAt = Instant.now().plus(duration);
        timer.schedule(() -> end(embedded), backAt);
        return backAt;
    }

    /** When the broker comes back, or null if it is up. */
    public Instant backAt() {
        return backAt;
    }

    private void end(EmbeddedKafkaBroker embedded) {
        try {
            embedded.restart(Duration.ofSeconds(60));
            log.info("Fault drill over: the embedded Kafka broker is back on {}", embedded.bootstrapServers());
        } catch (RuntimeException e) {
            log.error("The embedded Kafka broker did not come back after the drill: {}", e.getMessage(), e);
        } finally {
            backAt = null;
        }
    }

    @Override
    public void destroy() {
        timer.getScheduledExecutor().shutdownNow();
    }
}
