package dev.orderly.backend.consume;

import dev.orderly.backend.intake.PaymentClaims;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.process.OrderProcessor;
import dev.orderly.backend.process.Outcome;
import dev.orderly.backend.processing.AttemptLog;
import dev.orderly.backend.process.Outcome.DeadLetter;
import dev.orderly.backend.process.Outcome.Declined;
import dev.orderly.backend.process.Outcome.Duplicate;
import dev.orderly.backend.process.Outcome.Processed;
import dev.orderly.backend.process.Outcome.Retry;
import dev.orderly.backend.process.Outcome.Unavailable;
import dev.orderly.backend.processing.ProcessingSettings;
import dev.orderly.model.Note;
import dev.orderly.model.NoteCode;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.TimelineEntry.TimelineKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides a record's fate, once, in one place: runs its processing, turns the {@link Outcome} into a durable action
 * (nothing more for processed, duplicate and declined; the retry topic for a retry with budget left; the one
 * {@link DeadLetterPath} otherwise) and then finishes the record's {@link OffsetGate} slot, in every case:
 * <ul>
 * <li>durable: the slot is done and the partition's offset may pass it;</li>
 * <li>a publish to the retry or dead-letter topic failed (a broker hiccup): it is tried again every second until
 * the broker takes it, so the record is neither lost nor skipped; meanwhile it holds back only its own
 * partition's offset;</li>
 * <li>the database cannot be reached: the same delivery is run again every second until it answers, without
 * spending the record's retry budget;</li>
 * <li>shutdown (or an interrupt) before the outcome is durable: the slot is abandoned, the offset stays below the
 * record and the record is delivered again on the next start, where the duplicate check sorts it out.</li>
 * </ul>
 * Timeline entries for retries and dead letters are written after the publish and never decide the fate: if the
 * database refuses one, the record's outcome still stands.
 *
 * <p>Ours, not Spring Kafka's {@code DefaultErrorHandler} routing: that handler acts on what the listener thread
 * throws, and here the outcome is known later, on a keyed worker, after the listener returned (per-key order with
 * offsets committed out of order, {@link OffsetGate}). The library's parts are used where they fit: the
 * dead-letter publish is its {@code DeadLetterPublishingRecoverer} ({@link DeadLetterPath}), and the containers'
 * error handler is a {@code DefaultErrorHandler} that never commits past a record.
 */
@Component
class OutcomeRouter {

    /** A delivery's processing. */
    @FunctionalInterface
    interface Work {

        Outcome run() throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(OutcomeRouter.class);
    static final Duration REPUBLISH_PAUSE = Duration.ofSeconds(1);

    private final RetryScheduler retries;
    private final DeadLetterPath deadLetters;
    private final OffsetGate gate;
    private final KeyedWorkers workers;
    private final AttemptLog attempts;
    private final OrderRepository orders;
    private final ProcessingSettings settings;
    private final PaymentClaims claims;
    private final MeterRegistry meters;

    OutcomeRouter(RetryScheduler retries, DeadLetterPath deadLetters, OffsetGate gate, KeyedWorkers workers,
        AttemptLog attempts, OrderRepository orders, ProcessingSettings settings, PaymentClaims claims,
        MeterRegistry meters) {
        this.meters = meters;
        this.claims = claims;
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.gate = gate;
        this.workers = workers;
        this.attempts = attempts;
        this.orders = orders;
        this.settings = settings;
    }

    /** Runs {@code work} for {@code delivery}, makes its outcome durable and finishes its slot. Never throws. */
    void route(Delivery delivery, Work work) {
        boolean durable = false;
        long started = System.nanoTime();
        try {
            Outcome outcome = run(work);
            boolean warned = false;
            while (outcome instanceof Unavailable unavailable && !workers.closing()) {
                if (!warned) {
                    log.warn("{}: {}; trying again every {} ms without spending its retries", delivery,
                        unavailable.reason(), REPUBLISH_PAUSE.toMillis());
                    warned = true;
                }
                Thread.sleep(REPUBLISH_PAUSE.toMillis());
                outcome = run(work);
            }
            durable = makeDurable(delivery, outcome);
            if (durable) {
                observe(delivery, outcome, System.nanoTime() - started);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("{}: routing failed ({}); it will be delivered again", delivery, e.toString());
        } finally {
            if (durable) {
                gate.done(delivery.slot());
            } else {
                abandon(delivery, null);
            }
        }
    }

    /**
     * One INFO line per outcome (order, event, where the record came from; never card data) and the meters
     * {@code orderly.orders.processed} and {@code orderly.orders.processing.latency}, tagged by outcome.
     */
    private void observe(Delivery delivery, Outcome outcome, long nanos) {
        String name = outcomeName(delivery, outcome);
        OrderProcessingEvent event = delivery.event();
        log.info("outcome {}: order {} event {} from {}-{}@{} in {} ms", name,
            event == null ? "?" : event.orderId(), event == null ? "?" : event.eventId(), delivery.origin().topic(),
            delivery.origin().partition(), delivery.origin().offset(), TimeUnit.NANOSECONDS.toMillis(nanos));
        meters.counter("orderly.orders.processed", "outcome", name).increment();
        Timer.builder("orderly.orders.processing.latency")
            .description("One delivery's processing, gateway call included, until its outcome was durable")
            .tag("outcome", name).publishPercentileHistogram().register(meters)
            .record(nanos, TimeUnit.NANOSECONDS);
    }

    private boolean retriesLeft(Delivery delivery) {
        return delivery.event() != null && retries.hasRetriesLeft(delivery.event());
    }

    private String outcomeName(Delivery delivery, Outcome outcome) {
        if (outcome instanceof Processed) {
            return "processed";
        }
        if (outcome instanceof Duplicate) {
            return "duplicate";
        }
        if (outcome instanceof Declined) {
            return "declined";
        }
        if (outcome instanceof Retry) {
            return retriesLeft(delivery) ? "retried" : "dead_lettered";
        }
        return outcome instanceof DeadLetter ? "dead_lettered" : "unavailable";
    }

    private static Outcome run(Work work) throws InterruptedException {
        try {
            return work.run();
        } catch (RuntimeException e) {
            return new Retry("processing failed: " + OrderProcessor.rootMessage(e), e);
        }
    }

    /** The delivery never ran (shutdown): its record stays unacknowledged and comes back on the next start. */
    void abandon(Delivery delivery, Throwable why) {
        log.info("{}: left unfinished{}; it will be delivered again", delivery,
            why == null ? "" : " (" + why + ")");
        gate.abandon(delivery.slot());
    }

    private boolean makeDurable(Delivery delivery, Outcome outcome) {
        if (outcome instanceof Retry retry) {
            OrderProcessingEvent event = delivery.event();
            if (retries.hasRetriesLeft(event)) {
                return scheduleRetry(delivery, retry);
            }
            return deadLetter(delivery, NoteCode.GAVE_UP.with(event.retryCount() + 1, retry.reason()), retry.cause());
        }
        if (outcome instanceof DeadLetter deadLetter) {
            return deadLetter(delivery, deadLetter.why(), deadLetter.cause());
        }
        // Unavailable here means the application is stopping: the record comes back on the next start.
        return !(outcome instanceof Unavailable);
    }

    private boolean scheduleRetry(Delivery delivery, Retry retry) {
        OrderProcessingEvent event = delivery.event();
        Duration[] backoff = new Duration[1];
        if (!publishDurably(delivery, "a retry", () -> backoff[0] = retries.schedule(delivery.record(), event,
            retry.reason()))) {
            return false;
        }
        recordQuietly(event.orderId(), event.eventId(), delivery, TimelineKind.RETRY_SCHEDULED,
            NoteCode.RETRY_SCHEDULED.with(retry.reason(), event.retryCount() + 1, settings.maxRetries(),
                backoff[0].toMillis()));
        return true;
    }

    private boolean deadLetter(Delivery delivery, Note why, Exception cause) {
        String reason = NoteCode.englishOf(why);
        if (!publishDurably(delivery, "a dead letter", () -> deadLetters.publish(delivery.record(), why, cause))) {
            return false;
        }
        log.warn("{} dead-lettered: {}", delivery, reason);
        OrderProcessingEvent event = delivery.event();
        if (event != null) {
            releaseQuietly(event);
            recordQuietly(event.orderId(), event.eventId(), delivery, TimelineKind.DEAD_LETTERED,
                NoteCode.DEAD_LETTERED.with(KafkaTopics.DEAD_LETTER, why));
        } else {
            Long orderId = orderIdFromKey(delivery);
            if (orderId != null) {
                recordQuietly(orderId, "unreadable " + delivery.origin(), delivery, TimelineKind.DEAD_LETTERED,
                    NoteCode.UNREADABLE_DEAD_LETTERED.with(KafkaTopics.DEAD_LETTER, why));
            }
        }
        return true;
    }

    /** Publishes until the broker takes it; false if the application is stopping first. */
    private boolean publishDurably(Delivery delivery, String what, Runnable publish) {
        while (true) {
            try {
                publish.run();
                return true;
            } catch (RuntimeException e) {
                if (workers.closing() || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                log.warn("{}: could not publish {} ({}); trying again in {} ms", delivery, what, e.getMessage(),
                    REPUBLISH_PAUSE.toMillis());
                try {
                    Thread.sleep(REPUBLISH_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** A dead-lettered payment is over: the customer may pay for the order again. */
    private void releaseQuietly(OrderProcessingEvent event) {
        try {
            claims.release(event.orderId(), event.eventId());
        } catch (RuntimeException e) {
            log.warn("order {}: its payment claim was not released ({}); it expires after {}", event.orderId(),
                e.getMessage(), PaymentClaims.STALE);
        }
    }

    private void recordQuietly(long orderId, String eventId, Delivery delivery, TimelineKind kind, Note note) {
        int retryCount = delivery.event() == null ? 0 : delivery.event().retryCount();
        try {
            attempts.recordAlone(orderId, eventId, kind, note, delivery.origin(), retryCount);
        } catch (RuntimeException e) {
            log.warn("order {}: the {} timeline entry was not written ({}); the record's outcome stands", orderId,
                kind, e.getMessage());
        }
    }

    private Long orderIdFromKey(Delivery delivery) {
        try {
            long orderId = Long.parseLong(String.valueOf(delivery.record().key()));
            return orders.existsById(orderId) ? orderId : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
