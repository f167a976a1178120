package dev.orderly.backend.invariants;

import dev.orderly.backend.lag.LagMonitor;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerEntry;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerState;
import dev.orderly.backend.processing.ProcessingSettings;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.InvariantReport.Violation;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.OrderStatus;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Checks the guarantees of docs/architecture.md against the database and the payment gateway's own ledger. Work still
 * in flight is given a grace period, so a busy pipeline is not reported as broken.
 */
@Service
public class InvariantChecker {

    private static final Duration GRACE = Duration.ofSeconds(15);
    /** The payment-only teaching mode's second transaction follows the first at once; 5 s is plenty. */
    static final Duration PAID_UNFINISHED_GRACE = Duration.ofSeconds(5);
    public static final String PAID_BUT_UNFINISHED = "paid-but-unfinished";
    private static final int EXAMPLES = 5;

    private final JdbcTemplate jdbc;
    private final SimulatedPaymentGateway gateway;
    private final LagMonitor lag;
    private final ProcessingSettings settings;
    private final Clock clock;

    InvariantChecker(JdbcTemplate jdbc, SimulatedPaymentGateway gateway, LagMonitor lag, ProcessingSettings settings,
        Clock clock) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.lag = lag;
        this.settings = settings;
        this.clock = clock;
    }

    public InvariantReport check() {
        Instant now = clock.instant();
        Instant settled = now.minus(GRACE);
        // The ledger first, then the payments: money is captured only after its payment committed, so every capture
        // read here has its payment in the second read.
        List<LedgerEntry> ledger = gateway.ledger();
        Map<String, BigDecimal> committed = new HashMap<>();
        Map<String, String> committedState = new HashMap<>();
        jdbc.query("SELECT idempotency_key, amount, state FROM payments", rs -> {
            committed.put(rs.getString(1), rs.getBigDecimal(2));
            committedState.put(rs.getString(1), rs.getString(3));
        });
        List<Violation> violations = new ArrayList<>();

        Map<String, List<String>> takenPerOrder = new HashMap<>();
        List<String> takenWithoutOrder = new ArrayList<>();
        List<String> notVoided = new ArrayList<>();
        List<String> amountMismatch = new ArrayList<>();
        for (LedgerEntry entry : ledger) {
            boolean moneyTaken = entry.state() == LedgerState.CAPTURED || entry.state() == LedgerState.REFUNDED;
            if (moneyTaken) {
                takenPerOrder.computeIfAbsent(orderOf(entry.idempotencyKey()), k -> new ArrayList<>())
                    .add(entry.idempotencyKey());
                if (!committed.containsKey(entry.idempotencyKey())) {
                    takenWithoutOrder.add(entry.idempotencyKey());
                }
            }
            if (entry.state() == LedgerState.AUTHORIZED && !committed.containsKey(entry.idempotencyKey())
                && entry.updatedAt().isBefore(settled)) {
                notVoided.add(entry.idempotencyKey());
            }
            BigDecimal amount = committed.get(entry.idempotencyKey());
            if (amount != null && amount.compareTo(entry.amount()) != 0) {
                amountMismatch.add(entry.idempotencyKey() + " db " + amount + " gateway " + entry.amount());
            }
        }
        List<String> doubleCaptures = takenPerOrder.entrySet().stream().filter(e -> e.getValue().size() > 1)
            .map(e -> "order " + e.getKey() + ": " + e.getValue()).toList();
        add(violations, "double-capture", "an order whose money was taken more than once", doubleCaptures);
        add(violations, "capture-without-committed-order",
            "money taken at the gateway that no committed payment holds", takenWithoutOrder);
        add(violations, "authorisation-not-voided",
            "an authorisation no committed payment holds, still open after " + GRACE.toSeconds() + " s", notVoided);
        add(violations, "amount-mismatch", "a payment whose amount differs from the gateway's", amountMismatch);

        Set<String> ledgerKeys = new HashSet<>();
        ledger.forEach(e -> ledgerKeys.add(e.idempotencyKey()));
        List<String> missingAtGateway = committed.keySet().stream().filter(k -> !ledgerKeys.contains(k)).toList();
        if (!missingAtGateway.isEmpty()) {
            // The ledger was read before the payments, so a payment authorised and committed between the two reads
            // is missing from the first. Authorising comes before the commit: a second read finds every such one.
            Set<String> again = new HashSet<>();
            gateway.ledger().forEach(e -> again.add(e.idempotencyKey()));
            missingAtGateway = missingAtGateway.stream().filter(k -> !again.contains(k)).toList();
        }
        add(violations, "payment-unknown-to-gateway", "a committed payment the gateway has no record of",
            missingAtGateway);
        List<String> uncaptured = jdbc.queryForList("SELECT idempotency_key FROM payments WHERE state = 'AUTHORIZED'"
            + " AND updated_at < ?", String.class, Timestamp.from(settled));
        add(violations, "payment-not-captured", "a committed payment still not captured after "
            + GRACE.toSeconds() + " s", uncaptured);

        List<String> illegal = new ArrayList<>();
        jdbc.query("SELECT order_id, from_status, to_status FROM order_status_history WHERE from_status IS NOT NULL",
            rs -> {
                OrderStatus from = OrderStatus.valueOf(rs.getString(2));
                OrderStatus to = OrderStatus.valueOf(rs.getString(3));
                if (!from.canTransitionTo(to)) {
                    illegal.add("order " + rs.getLong(1) + ": " + from + " -> " + to);
                }
            });
        add(violations, "illegal-transition", "a recorded status change the state machine does not allow", illegal);

        List<String> paidWithoutPayment = jdbc.queryForList("SELECT o.id FROM orders o LEFT JOIN payments p"
            + " ON p.order_id = o.id WHERE p.id IS NULL AND o.status NOT IN ('CREATED', 'PENDING_PAYMENT',"
            + " 'CANCELLED')", Long.class).stream().map(id -> "order " + id).toList();
        add(violations, "processed-without-payment", "an order past payment with no payment record",
            paidWithoutPayment);

        // The final design commits payment and the rest of the order together, so no order ever rests in
        // PAYMENT_COMPLETED; the payment-only teaching mode leaves one there when its second transaction fails.
        List<String> paidUnfinished = paidButUnfinished(now.minus(PAID_UNFINISHED_GRACE)).stream()
            .map(id -> "order " + id).toList();
        add(violations, PAID_BUT_UNFINISHED, "an order whose payment committed while the rest of it (shipment,"
            + " storage, status) never did: money taken for an unfinished order (POST /api/admin/reconcile refunds it)",
            paidUnfinished);

        Instant budgetPassed = now.minus(retryBudget()).minus(GRACE);
        List<String> stuck = jdbc.queryForList("""
            SELECT a.event_id FROM processing_attempts a
            WHERE a.kind = 'ACCEPTED' AND a.attempted_at < ?
              AND NOT EXISTS (SELECT 1 FROM processing_attempts b WHERE b.event_id = a.event_id
                  AND b.kind IN ('ATTEMPT_SUCCEEDED', 'ATTEMPT_FAILED', 'DEAD_LETTERED', 'DUPLICATE_SKIPPED'))
            """, String.class, Timestamp.from(budgetPassed));
        add(violations, "stuck-beyond-retry-budget",
            "an accepted event with no outcome (processed, declined, skipped or dead-lettered) after its retry"
                + " budget of " + retryBudget().toSeconds() + " s", stuck);

        LagSnapshot pipeline = lag.latest();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("accepted",
            count("SELECT COUNT(DISTINCT event_id) FROM processing_attempts WHERE kind = 'ACCEPTED'"));
        counts.put("processed", count("SELECT COUNT(*) FROM processed_events"));
        counts.put("pendingPayment", count("SELECT COUNT(*) FROM orders WHERE status = 'PENDING_PAYMENT'"));
        counts.put("inRetry", pipeline.partitions().stream().filter(p -> p.group().contains("retry"))
            .mapToLong(p -> p.lag()).sum());
        counts.put("inDlt", pipeline.deadLettered());
        counts.put("payments", (long) committed.size());
        counts.put("captured", committedState.values().stream().filter("CAPTURED"::equals).count());
        counts.put("voided", ledger.stream().filter(e -> e.state() == LedgerState.VOIDED).count());
        counts.put("declined", ledger.stream().filter(e -> e.state() == LedgerState.DECLINED).count());
        return new InvariantReport(now, violations.isEmpty(), counts, violations);
    }

    /** Orders resting in PAYMENT_COMPLETED since before {@code before}: paid, and the rest never committed. */
    public List<Long> paidButUnfinished(Instant before) {
        return jdbc.queryForList("SELECT id FROM orders WHERE status = 'PAYMENT_COMPLETED' AND updated_at < ?"
            + " ORDER BY id", Long.class, Timestamp.from(before));
    }

    /** The longest an event may take before it must have an outcome: every back-off, plus slack per attempt. */
    Duration retryBudget() {
        Duration total = Duration.ZERO;
        for (int retry = 1; retry <= settings.maxRetries(); retry++) {
            total = total.plus(settings.backoffFor(retry)).plus(Duration.ofSeconds(5));
        }
        return total.plus(Duration.ofSeconds(5));
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private static String orderOf(String key) {
        int dash = key.indexOf('-');
        return dash > 0 ? key.substring(0, dash) : key;
    }

    private static void add(List<Violation> violations, String name, String description, List<String> found) {
        if (!found.isEmpty()) {
            violations.add(new Violation(name, description, found.size(),
                found.subList(0, Math.min(EXAMPLES, found.size()))));
        }
    }
}
