package dev.orderly.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A committed status change, as published on {@code order-status-events} and the WebSocket topics. It carries the
 * order's total so a console can show a new order without asking for it, and the change's number in the order's
 * life ({@code version}: 1 at creation, one more with each change), so that whoever shows the order keeps the newest
 * change when two backends' relays publish its events out of order. 0 means unnumbered (applied as it comes): an
 * event from an older backend, which has no number, reads as 0. {@code reason} is in English; {@code note} says the
 * same by its stable code ({@link Note}), so a console can say it in its user's language.
 */
public record OrderStatusChanged(long orderId, String userEmail, OrderStatus from, OrderStatus to, Instant at,
    String reason, BigDecimal total, Long version, Note note) {

    public OrderStatusChanged {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        version = version == null || version < 0 ? 0L : version;
    }

    /** A change without a note for its reason (tests, tools, an older backend). */
    public OrderStatusChanged(long orderId, String userEmail, OrderStatus from, OrderStatus to, Instant at,
        String reason, BigDecimal total, Long version) {
        this(orderId, userEmail, from, to, at, reason, total, version, null);
    }

    /** An unnumbered change (tests, tools). */
    public OrderStatusChanged(long orderId, String userEmail, OrderStatus from, OrderStatus to, Instant at,
        String reason, BigDecimal total) {
        this(orderId, userEmail, from, to, at, reason, total, 0L);
    }

    /** Whether this change is older than, or the same as, the numbered change {@code latest} already shown. */
    public boolean isNotNewerThan(long latest) {
        return version > 0 && version <= latest;
    }
}
