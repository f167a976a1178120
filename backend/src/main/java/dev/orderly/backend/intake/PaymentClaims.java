package dev.orderly.backend.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One payment in flight per order ({@code payment_claims}): a request to pay claims its order before the event goes
 * to Kafka, so twenty requests sent at once (a double click, a retrying client, several backends) put one event on
 * the topic and get one 202; the others learn that the payment is already under way. The claim is released where
 * its attempt ends, once for each way it can end: never sent ({@code OrderSubmitter}), processed (in the commit,
 * {@code ProcessingTransaction}), declined ({@code OrderProcessor}), dead-lettered ({@code OutcomeRouter}). A claim
 * older than {@link #STALE} (a crash between claim and send) is taken over, so an order is never left unpayable.
 */
@Component
public class PaymentClaims {

    public static final Duration STALE = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final ClaimInserts inserts;
    private final Clock clock;

    public PaymentClaims(JdbcTemplate jdbc, ClaimInserts inserts, Clock clock) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.clock = clock;
    }

    /** The payment in flight for an order: its event, and when it was accepted. */
    record Claim(String eventId, Instant since) {
    }

    /** Claims {@code orderId} for {@code eventId}; returns the standing claim instead if another holds it. */
    Optional<Claim> claim(long orderId, String eventId) {
        Instant now = clock.instant();
        if (inserts.insert(orderId, eventId, now)) {
            return Optional.empty();
        }
        // Taken: over a stale claim (a crash between claim and send), take it over; one statement per look, so the
        // usual case (a free order) costs one insert, committed with other requests' claims (ClaimInserts).
        if (jdbc.update("DELETE FROM payment_claims WHERE order_id = ? AND claimed_at < ?", orderId,
            Timestamp.from(now.minus(STALE))) > 0 && inserts.insert(orderId, eventId, now)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.query("SELECT event_id, claimed_at FROM payment_claims WHERE order_id = ?",
            rows -> rows.next() ? new Claim(rows.getString(1), rows.getTimestamp(2).toInstant())
                : new Claim(null, now), orderId));
    }

    /** The attempt of {@code eventId} is over: the order may be paid for again (if it still waits for payment). */
    public void release(long orderId, String eventId) {
        jdbc.update("DELETE FROM payment_claims WHERE order_id = ? AND event_id = ?", orderId, eventId);
    }
}
