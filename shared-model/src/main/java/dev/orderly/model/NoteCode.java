package dev.orderly.model;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stable codes of the sentences the backend stores ({@link Note}): why an order's status changed, what each
 * processing attempt did, and what a staff action in the audit trail acted on and how. Each has its English
 * sentence ({@link MessageFormat} pattern, values numbered in the order of {@link #parameters()}), which the backend
 * stores beside the code, so that a client that does not know a code still reads English. A code keeps its meaning
 * and its values once stored: a new sentence gets a new code. Values that come from elsewhere (a gateway's reason,
 * an exception's message) stay as they were written.
 */
public enum NoteCode {
    // Why an order's status changed
    ORDER_CREATED("order created"),
    AWAITING_PAYMENT("awaiting payment"),
    PAYMENT_AUTHORISED("payment {0} authorised, card ending {1}", "authorisation", "card"),
    STORED_AT("stored at {0}", "location"),
    HELD_FOR_PICKUP("held in the warehouse for pickup"),
    SHIPPING_TO("shipping to {0}", "zip"),
    CANCELLED_BY("cancelled by {0}", "user"),
    MOVED_BY_STAFF("moved by staff"),
    REFUND_REQUESTED("refund requested"),
    REFUNDED("refunded {0} to card ending {1}", "amount", "card"),
    // What a processing attempt did
    ACCEPTED_FOR("accepted for processing by {0}", "user"),
    PROCESSING_SYNCHRONOUSLY("processing synchronously (the seed''s before) for {0}", "user"),
    PAID_ONLY("payment processed by {0} (payment-only teaching mode: the rest of the order follows in a transaction"
        + " of its own)", "backend"),
    PROCESSED_AND_SHIPPED("processed by {0}: payment, shipment", "backend"),
    PROCESSED_SHIPPED_AND_STORED("processed by {0}: payment, shipment, warehouse storage", "backend"),
    PAYMENT_DECLINED("payment declined: {0}; the order stays PENDING_PAYMENT", "reason"),
    REST_FAILED_AFTER_PAYMENT("payment taken, then the rest of the order failed in a transaction of its own: {0}."
        + " Paid and unfinished (payment-only teaching mode); reconcile refunds it", "reason"),
    DUPLICATE_SKIPPED("skipped by {0}, already processed ({1})", "backend", "reason"),
    AUTHORISATION_VOIDED("payment authorisation voided: {0}", "reason"),
    ORPHAN_VOIDED("payment authorisation voided by the sweep: its attempt never committed and its first void was"
        + " lost"),
    RETRY_SCHEDULED("attempt failed ({0}); retry {1} of {2} in {3} ms", "reason", "retry", "retries", "millis"),
    DEAD_LETTERED("sent to {0}: {1}", "topic", "reason"),
    UNREADABLE_DEAD_LETTERED("an unreadable record with this order''s key was sent to {0}: {1}", "topic", "reason"),
    // Whether an event can still be applied to its order (a part of the sentences above and below)
    NO_SUCH_ORDER("order {0} does not exist", "order"),
    NOT_THEIR_ORDER("order {0} does not belong to {1}", "order", "user"),
    AMOUNT_DIFFERS("amount {0} differs from the order total {1}", "amount", "total"),
    EVENT_ALREADY_PROCESSED("event {0} was already processed", "event"),
    ORDER_MOVED_ON("order is {0}, no longer PENDING_PAYMENT", "status"),
    ORDER_AWAITS_PAYMENT("order is PENDING_PAYMENT"),
    SEEN_UNDER_LOCK("{0} (seen under the order''s lock)", "reason"),
    CONCURRENT_DELIVERY_FIRST("a concurrent delivery of the same event committed first"),
    GAVE_UP("gave up after {0} attempts: {1}", "attempts", "reason"),
    TEXT("{0}", "text"),
    // What redriving a dead letter would do, or did
    REDRIVE_NO_SUCH_RECORD("no such dead letter (partition {0}, offset {1})", "partition", "offset"),
    REDRIVE_UNREADABLE("unreadable record, cannot be redriven: {0}", "reason"),
    REDRIVE_WOULD_PROCESS("{0}: it will be processed again with a fresh retry budget", "reason"),
    REDRIVE_WOULD_SKIP("{0}: the redrive would be skipped as a duplicate", "reason"),
    REDRIVE_WOULD_DEAD_LETTER("{0}: it would be dead-lettered again", "reason"),
    REDRIVE_SENT("sent to {0}; {1}", "record", "verdict"),
    // What a staff action in the audit trail acted on, and how (names such as a fault's or a mode's stay as they are)
    NAME("{0}", "name"),
    ORDER("order {0}", "order"),
    STATUS_MOVE("{0} -> {1}", "from", "to"),
    LISTENERS("order-processing and order-retry listeners"),
    SECONDS("{0} s", "seconds"),
    BROKER_DOWN_FOR("embedded broker down for {0} s", "seconds"),
    FAULT_FOR_NEXT("for the next {0} order(s); armed before: {1}", "times", "armed"),
    NONE_ARMED("none were armed"),
    WERE_ARMED("were armed: {0}", "armed"),
    WAS("was {0}", "before"),
    GATEWAY("latency {0}-{1} ms, error rate {2}, timeout rate {3}", "min", "max", "errors", "timeouts"),
    GATEWAY_WAS("was latency {0}-{1} ms, error rate {2}, timeout rate {3}", "min", "max", "errors", "timeouts"),
    GROUP_ON_TOPIC("{0} on {1}", "group", "topic"),
    RESET_TO_EARLIEST("to earliest"),
    RESET_TO_LATEST("to latest"),
    RESET_TO_TIMESTAMP("to the first record at or after {0}", "timestamp"),
    RESET_TO_OFFSETS("to offsets {0}", "offsets"),
    REDRIVEN("{0} of {1} records", "sent", "records"),
    REDRIVE_OUTCOMES("outcomes: {0}", "outcomes"),
    ORDERS_REFUNDED("{0} order(s) refunded", "count"),
    RECONCILE_REFUNDED("refunded {0}", "orders"),
    RECONCILE_REFUNDED_SOME_FAILED("refunded {0}; failed: {1}", "orders", "failed");

    /** The names of the values that hold a status ({@link OrderStatus}'s name), which a client may say in words. */
    public static final Set<String> STATUS_VALUES = Set.of("from", "to", "status");

    private final String english;
    private final List<String> parameters;

    NoteCode(String english, String... parameters) {
        this.english = english;
        this.parameters = List.of(parameters);
    }

    /** The names of the values this code's sentence needs, in the order its pattern numbers them. */
    public List<String> parameters() {
        return parameters;
    }

    /** The English sentence's pattern ({@link MessageFormat}: {@code {0}} is the first parameter). */
    public String englishPattern() {
        return english;
    }

    /**
     * This code with its values, one for each {@link #parameters()} name, in that order; a value that is a
     * {@link Note} (one of the backend's own sentences) is kept as a note, so a client can say it in words too.
     */
    public Note with(Object... values) {
        Map<String, Note> parts = new LinkedHashMap<>();
        Object[] plain = values.clone();
        for (int i = 0; i < values.length && i < parameters.size(); i++) {
            if (values[i] instanceof Note part) {
                parts.put(parameters.get(i), part);
                plain[i] = null;
            }
        }
        Map<String, String> args = new LinkedHashMap<>(Codes.args(name(), parameters, plain));
        parts.keySet().forEach(args::remove);
        return new Note(name(), args, parts);
    }

    /** The note's sentence in English (its parts' too); values it lacks read as empty. */
    public String english(Note note) {
        return new MessageFormat(english, Locale.ROOT).format(parameters.stream().map(p -> {
            Note part = note.parts().get(p);
            return part != null ? englishOf(part) : note.args().getOrDefault(p, "");
        }).toArray());
    }

    /** Any note's English: its code's sentence, or its code's name when this side does not know it. */
    public static String englishOf(Note note) {
        return note.known().map(c -> c.english(note)).orElse(note.code());
    }

    /** The code named {@code code}, if this side knows it. */
    public static Optional<NoteCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
