package dev.orderly.backend.query;

import dev.orderly.model.OrderStatus;
import dev.orderly.model.StuckOrders;
import dev.orderly.model.StuckOrders.StateAge;
import dev.orderly.model.StuckOrders.StuckOrder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where orders wait, for a support desk: time in state, and PENDING_PAYMENT split in two. An order whose payment was
 * accepted (its claim in {@code payment_claims}, made before the 202) and that is still waiting is owed an outcome
 * by the pipeline; one without a claim was never sent for payment. Orders' {@code updated_at} is when they entered
 * their state (every status change sets it).
 */
@Component
public class StuckOrderQueries {

    static final int LIST_MAX = 100;
    // Driven by the claims (the payments in flight, a few rows), each order looked up by its key. With the status
    // test in the join, H2 read every PENDING_PAYMENT order through the status index instead, and the lag monitor
    // asks this every second: with 20,000 orders waiting for payment that was 2% of a busy backend's CPU.
    private static final String ACCEPTED = " FROM payment_claims c JOIN orders o ON o.id = c.order_id"
        + " WHERE c.claimed_at < ? AND EXISTS (SELECT 1 FROM orders p WHERE p.id = c.order_id"
        + " AND p.status = 'PENDING_PAYMENT')";
    private static final String NEVER_PAID = " FROM orders o WHERE o.status IN ('CREATED', 'PENDING_PAYMENT')"
        + " AND o.updated_at < ? AND NOT EXISTS (SELECT 1 FROM payment_claims c WHERE c.order_id = o.id)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration threshold;

    StuckOrderQueries(JdbcTemplate jdbc, Clock clock, StuckSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.threshold = settings.stuckAfter();
    }

    /** How long an accepted order may wait for its outcome before it counts as stuck ({@code orderly.stuck-after}). */
    public Duration threshold() {
        return threshold;
    }

    /** Orders accepted for payment longer than the threshold ago that have no outcome yet. */
    public long acceptedNotProcessed() {
        return count(ACCEPTED, clock.instant().minus(threshold));
    }

    /** The full picture, with {@code olderThan} as the threshold. */
    public StuckOrders stuck(Duration olderThan) {
        Instant now = clock.instant();
        Instant before = now.minus(olderThan);
        List<StateAge> ages = new ArrayList<>();
        jdbc.query("SELECT status, COUNT(*), MIN(updated_at), AVG(EXTRACT(EPOCH FROM updated_at)) FROM orders"
            + " GROUP BY status", row -> {
                OrderStatus status = OrderStatus.valueOf(row.getString(1));
                if (!status.isTerminal() && status != OrderStatus.COMPLETED) {
                    long oldest = Duration.between(row.getTimestamp(3).toInstant(), now).toSeconds();
                    double averageEntered = row.getDouble(4);
                    ages.add(new StateAge(status, row.getLong(2), Math.max(0, oldest),
                        Math.max(0, Math.round(now.toEpochMilli() / 1000.0 - averageEntered))));
                }
            });
        ages.sort((a, b) -> a.status().compareTo(b.status()));
        List<StuckOrder> accepted = jdbc.query("SELECT o.id, o.user_email, o.status, c.claimed_at" + ACCEPTED
            + " ORDER BY c.claimed_at FETCH FIRST " + LIST_MAX + " ROWS ONLY", (row, n) -> stuckOrder(row, now),
            Timestamp.from(before));
        List<StuckOrder> neverPaid = jdbc.query("SELECT o.id, o.user_email, o.status, o.updated_at" + NEVER_PAID
            + " ORDER BY o.updated_at FETCH FIRST " + LIST_MAX + " ROWS ONLY", (row, n) -> stuckOrder(row, now),
            Timestamp.from(before));
        return new StuckOrders(now, olderThan.toSeconds(), ages, accepted, count(ACCEPTED, before), neverPaid,
            count(NEVER_PAID, before));
    }

    private static StuckOrder stuckOrder(java.sql.ResultSet row, Instant now) throws java.sql.SQLException {
        Instant since = row.getTimestamp(4).toInstant();
        return new StuckOrder(row.getLong(1), row.getString(2), OrderStatus.valueOf(row.getString(3)), since,
            Math.max(0, Duration.between(since, now).toSeconds()));
    }

    private long count(String from, Instant before) {
        Long count = jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, Timestamp.from(before));
        return count == null ? 0 : count;
    }
}
