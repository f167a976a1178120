package dev.orderly.backend.consume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.support.PipelineProbe;
import dev.orderly.backend.processing.ProcessingSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final RetryScheduler scheduler = new RetryScheduler(null, null, Machinery.settings(10, 3),
        Clock.fixed(NOW, ZoneOffset.UTC), null);

    @Test
    void backOffDoublesFromTheFirstDelayAndStopsAtTheCap() {
        ProcessingSettings settings = Machinery.settings(10, 3);

        assertThat(settings.backoffFor(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoffFor(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoffFor(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.backoffFor(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(settings.backoffFor(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoffFor(60)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aRetryRecordWaitsUntilItsNotBeforeTime() {
        assertThat(scheduler.remainingDelay(record(NOW.plusMillis(1500).toEpochMilli()))).isEqualTo(1500);
        assertThat(scheduler.remainingDelay(record(NOW.minusMillis(1).toEpochMilli()))).isZero();
    }

    @Test
    void aRetryRecordWithoutOrWithAGarbledNotBeforeTimeIsDueAtOnce() {
        assertThat(scheduler.remainingDelay(new ConsumerRecord<>("order-retry-topic", 0, 0, "1", "{}"))).isZero();
        ConsumerRecord<String, String> garbled = new ConsumerRecord<>("order-retry-topic", 0, 0, "1", "{}");
        garbled.headers().add(RetryScheduler.NOT_BEFORE_HEADER, "soon".getBytes(StandardCharsets.UTF_8));
        assertThat(scheduler.remainingDelay(garbled)).isZero();
    }

    @Test
    void theBudgetIsSpentAfterMaxRetries() {
        var event = dev.orderly.model.OrderProcessingEvent.create(1L, "alice@example.com",
            PipelineProbe.instructions(true));
        assertThat(scheduler.hasRetriesLeft(event)).isTrue();
        assertThat(scheduler.hasRetriesLeft(event.nextRetry().nextRetry())).isTrue();
        assertThat(scheduler.hasRetriesLeft(event.nextRetry().nextRetry().nextRetry())).isFalse();
    }

    private static ConsumerRecord<String, String> record(long notBefore) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("order-retry-topic", 0, 0, "1", "{}");
        record.headers().add(RetryScheduler.NOT_BEFORE_HEADER,
            Long.toString(notBefore).getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
