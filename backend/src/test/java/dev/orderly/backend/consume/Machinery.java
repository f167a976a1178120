package dev.orderly.backend.consume;

import dev.orderly.backend.intake.PaymentClaims;
import dev.orderly.backend.processing.AttemptLog;
import dev.orderly.backend.processing.ProcessingSettings;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.model.Note;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.ProcessingMode;
import dev.orderly.model.TimelineEntry.TimelineKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The processing machinery's own parts, assembled for unit tests without Spring: the gate, the workers and the
 * router are the real classes; only where a record ends up (the broker) and the timeline (the database) are
 * recorded in lists instead, each able to fail a given number of times like a broker hiccup.
 */
final class Machinery {

    static ProcessingSettings settings(int maxInFlight, int maxRetries) {
        return new ProcessingSettings(3, 1, maxInFlight, 4, 1, maxRetries, Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofSeconds(10), ProcessingMode.KAFKA, 200, 200, 1);
    }

    /** What reached the dead-letter topic: the record's offset and reason. */
    record Published(long offset, String reason) {
    }

    final ProcessingSettings settings;
    final OffsetGate gate;
    final KeyedWorkers workers;
    final List<Published> deadLetters = new CopyOnWriteArrayList<>();
    final List<Long> retried = new CopyOnWriteArrayList<>();
    final List<TimelineKind> timeline = new CopyOnWriteArrayList<>();
    final AtomicInteger deadLetterFailures = new AtomicInteger();
    final AtomicInteger retryFailures = new AtomicInteger();
    final OutcomeRouter router;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    Machinery(int maxInFlight, int maxRetries) {
        settings = settings(maxInFlight, maxRetries);
        gate = new OffsetGate(maxInFlight);
        workers = new KeyedWorkers(settings);
        KafkaTemplate<String, String> neverUsed = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
            Map.of("bootstrap.servers", "127.0.0.1:1")));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(neverUsed) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                Exception exception) {
                if (deadLetterFailures.getAndDecrement() > 0) {
                    throw new IllegalStateException("broker hiccup while dead-lettering");
                }
                deadLetters.add(new Published(record.offset(), exception.getMessage()));
            }
        };
        RetryScheduler retries = new RetryScheduler(neverUsed, null, settings, Clock.systemUTC(), null) {
            @Override
            Duration schedule(ConsumerRecord<String, String> record, OrderProcessingEvent event, String reason) {
                if (retryFailures.getAndDecrement() > 0) {
                    throw new IllegalStateException("broker hiccup while scheduling a retry");
                }
                retried.add(record.offset());
                return Duration.ofSeconds(1);
            }
        };
        AttemptLog attempts = new AttemptLog(null, null, Clock.systemUTC()) {
            @Override
            public void recordAlone(long orderId, String eventId, TimelineKind kind, Note note,
                RecordOrigin origin, int retryCount) {
                timeline.add(kind);
            }
        };
        PaymentClaims claims = new PaymentClaims(null, null, Clock.systemUTC()) {
            @Override
            public void release(long orderId, String eventId) {
                // no database here; releasing is tested with the real one (PaymentClaimsIntegrationTest)
            }
        };
        router = new OutcomeRouter(retries, new DeadLetterPath(recoverer), gate, workers, attempts, null, settings,
            claims, meters);
    }

    void close() throws InterruptedException {
        workers.stop();
    }
}
