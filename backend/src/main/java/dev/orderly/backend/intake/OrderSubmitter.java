package dev.orderly.backend.intake;

import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.EventJson;
import dev.orderly.backend.processing.IntakeLoad;
import dev.orderly.backend.processing.ProcessingSettings;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.NoteCode;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.PayAndShipmentRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;

/**
 * The intake: accepts an order for processing. Checks owner, state and amount ({@link ProcessingEvents}), puts an
 * {@link OrderProcessingEvent} on the broker and waits (bounded) for its acknowledgement, so a 202 means the event
 * is durable. It never touches the consumer; its only say in processing is {@link IntakeLoad}.
 */
@Service
class OrderSubmitter {

    private static final Logger log = LoggerFactory.getLogger(OrderSubmitter.class);

    private final ProcessingEvents events;
    private final KafkaTemplate<String, String> kafka;
    private final EventJson json;
    private final ProcessingSettings settings;
    private final AcceptanceLog acceptance;
    private final FaultInjector faults;
    private final IntakeLoad intake;
    private final PaymentClaims claims;
    private final Counter accepted;
    private final Timer acceptLatency;

    OrderSubmitter(ProcessingEvents events, KafkaTemplate<String, String> kafka, EventJson json,
        ProcessingSettings settings, AcceptanceLog acceptance, FaultInjector faults, IntakeLoad intake,
        PaymentClaims claims, MeterRegistry meters) {
        this.claims = claims;
        this.accepted = Counter.builder("orderly.orders.accepted")
            .description("Payments accepted for processing (answered 202)").register(meters);
        this.acceptLatency = Timer.builder("orderly.orders.accept.latency")
            .description("Time to accept a payment: claim, send to the broker, record; the 202's server time")
            .publishPercentileHistogram().register(meters);
        this.events = events;
        this.kafka = kafka;
        this.json = json;
        this.settings = settings;
        this.acceptance = acceptance;
        this.faults = faults;
        this.intake = intake;
    }

    /** Accepts the order for processing; processing steps back meanwhile ({@link IntakeLoad}). */
    OrderProcessingEvent submit(CurrentUser user, long orderId, PayAndShipmentRequest request) {
        Timer.Sample sample = Timer.start();
        try (IntakeLoad.Accepting accepting = intake.accepting()) {
            OrderProcessingEvent event = accept(user, orderId, request);
            sample.stop(acceptLatency);
            accepted.increment();
            return event;
        }
    }

    private OrderProcessingEvent accept(CurrentUser user, long orderId, PayAndShipmentRequest request) {
        OrderProcessingEvent event = events.prepare(user, orderId, request);
        Optional<PaymentClaims.Claim> pending = claims.claim(orderId, event.eventId());
        for (int attempt = 0; pending.isPresent() && pending.get().eventId() == null && attempt < 3; attempt++) {
            // The holder let go between our insert and our look: try again.
            pending = claims.claim(orderId, event.eventId());
        }
        if (pending.isPresent()) {
            // A payment that finished meanwhile leaves the order in another status: say that, not "under way".
            events.stillPayable(user, orderId);
            // What a client needs to follow the payment that is under way, as data (a retrying client's way back).
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("orderId", orderId);
            details.put("eventId", pending.get().eventId());
            details.put("acceptedAt", String.valueOf(pending.get().since()));
            details.put("statusCheckUrl", "/api/orders/" + orderId + "/status");
            throw new ApiException(HttpStatus.CONFLICT, ErrorCode.PAYMENT_IN_PROGRESS.with(orderId),
                "A payment for order " + orderId + " is already being"
                + " processed (accepted at " + pending.get().since() + "); follow it at /api/orders/" + orderId
                + "/status. The order can be paid again only if that payment fails.", details);
        }
        SendResult<String, String> sent;
        try {
            events.stillPayable(user, orderId);
            if (faults.strike(InjectableFault.POISON_RECORD)) {
                injectPoison(orderId);
            }
            sent = send(event);
        } catch (ApiException finishedMeanwhileOrNotSent) {
            // The intake's one release: this request's payment never reached the broker.
            claims.release(orderId, event.eventId());
            throw finishedMeanwhileOrNotSent;
        }
        if (faults.strike(InjectableFault.DUPLICATE_DELIVERY)) {
            send(event);
        }
        RecordOrigin origin = new RecordOrigin(KafkaTopics.PROCESSING, sent.getRecordMetadata().partition(),
            sent.getRecordMetadata().offset());
        acceptance.accepted(orderId, event.eventId(), NoteCode.ACCEPTED_FOR.with(user.email()), origin);
        return event;
    }

    private SendResult<String, String> send(OrderProcessingEvent event) {
        try {
            return sendRaw(String.valueOf(event.orderId()), json.write(event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(event, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(event, e);
        }
    }

    /** The POISON_RECORD fault: malformed JSON on the order's partition, ahead of its event. */
    private void injectPoison(long orderId) {
        try {
            sendRaw(String.valueOf(orderId), "{\"poison\": \"injected by a trainer before order " + orderId + "\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("order {}: the injected poison record was not sent: {}", orderId, e.toString());
        }
    }

    private SendResult<String, String> sendRaw(String key, String value) throws InterruptedException,
        ExecutionException, TimeoutException {
        return kafka.send(KafkaTopics.PROCESSING, key, value).get(settings.sendTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    }

    private static ApiException unavailable(OrderProcessingEvent event, Exception cause) {
        log.warn("order {}: the broker did not take the processing event: {}", event.orderId(), cause.toString());
        // A send that timed out may still have reached the broker's log just before it failed; then that event is
        // processed once and a second payment request is skipped as a duplicate, so "try again" is always safe.
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.QUEUE_UNREACHABLE.with(event.orderId()),
            "The order queue (Kafka) is not reachable right now,"
            + " so order " + event.orderId() + " was not accepted for processing and stays PENDING_PAYMENT. Try"
            + " again in a moment: paying again is safe, an order is never charged twice.");
    }
}
