package dev.orderly.backend.messaging;

import dev.orderly.backend.kafka.KafkaTopics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays committed status changes from the outbox to {@code order-status-events}, oldest first, at least once: a
 * row is marked published only after the broker acknowledged it. Each backend runs one; they share the work by
 * claiming rows with {@code FOR UPDATE SKIP LOCKED} ({@link OutboxRepository}). With several relays, two changes of
 * one order claimed by different relays can reach the topic out of order; each event carries its own time.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final OutboxRepository repository;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxRelay(OutboxRepository repository, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
        Clock clock, MeterRegistry meters) {
        Gauge.builder("orderly.outbox.backlog", this, OutboxRelay::backlog)
            .description("Status changes written but not yet published to order-status-events").register(meters);
        this.repository = repository;
        this.kafka = kafka;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every poll interval, the first one interval after start-up (a test that sets an hour never meets it). */
    @Scheduled(fixedDelayString = "${orderly.outbox.poll-interval:50ms}",
        initialDelayString = "${orderly.outbox.poll-interval:50ms}")
    void relay() {
        try {
            while (relayBatch() == BATCH) {
                log.debug("outbox: relayed a full batch, continuing");
            }
        } catch (RuntimeException e) {
            log.warn("outbox: relaying status changes failed, will retry: {}", e.getMessage());
        }
    }

    /**
     * Claims a batch (rows no other relay holds), publishes it, waits for the broker's acknowledgements and marks
     * it published, all in one transaction: a crash or a broker failure before the commit leaves the rows
     * unpublished and unlocked, and they are sent again (at least once).
     */
    int relayBatch() {
        Integer relayed = transactions.execute(status -> {
            List<OutboxEvent> batch = repository.claimUnpublished(BATCH);
            if (batch.isEmpty()) {
                return 0;
            }
            publish(batch);
            repository.markPublished(batch.stream().map(OutboxEvent::getId).toList(), clock.instant());
            return batch.size();
        });
        return relayed == null ? 0 : relayed;
    }

    private void publish(List<OutboxEvent> batch) {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            sends.add(kafka.send(KafkaTopics.STATUS_EVENTS, String.valueOf(event.getOrderId()), event.getPayload()));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while relaying the outbox", e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not acknowledge the status events: " + e.getMessage(), e);
        }
    }

    /** Status changes not yet on the broker. */
    long backlog() {
        return repository.countUnpublished();
    }
}
