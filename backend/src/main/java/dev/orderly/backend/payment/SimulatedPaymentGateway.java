package dev.orderly.backend.payment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderly.backend.db.GroupCommit;
import dev.orderly.model.Luhn;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A payment provider stand-in with its own durable ledger (a separate H2 database, written outside the
 * application's transactions, as an external system would be), configurable latency, declines, errors and
 * timeouts. The ledger is what the database is checked against.
 */
public class SimulatedPaymentGateway implements PaymentGateway, AutoCloseable {

    /** One line of the simulator's ledger. */
    public record LedgerEntry(String idempotencyKey, String authorizationId, String cardLast4, BigDecimal amount,
        LedgerState state, Instant updatedAt) {
    }

    /** Where an authorisation stands at the gateway. */
    public enum LedgerState { AUTHORIZED, CAPTURED, VOIDED, REFUNDED, DECLINED }

    private static final RowMapper<LedgerEntry> ROW = (rs, n) -> new LedgerEntry(rs.getString("idempotency_key"),
        rs.getString("authorization_id"), rs.getString("card_last4"), rs.getBigDecimal("amount"),
        LedgerState.valueOf(rs.getString("state")), rs.getTimestamp("updated_at").toInstant());

    /** One ledger statement and, once its group commit is done, its outcome. */
    private static final class Write {
        private final String sql;
        private final Object[] args;
        private volatile int rows;
        private volatile SQLException failure;

        Write(String sql, Object[] args) {
            this.sql = sql;
            this.args = args;
        }
    }

    private static final String DUPLICATE_KEY = "23505";
    private static final Duration WRITE_WAIT = Duration.ofSeconds(30);

    private final HikariDataSource pool;
    private final GroupCommit<Write> writes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final JdbcTemplate jdbc;
    private final AtomicReference<GatewaySettings> settings;

    public SimulatedPaymentGateway(LedgerDatabase database, GatewaySettings settings) {
        // Hikari, not H2's own pool: with a thousand payments in flight, H2's pool let some callers starve past its
        // 30 s wait; Hikari hands connections over in order.
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(16);
        config.setPoolName("gateway-ledger");
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        this.pool = new HikariDataSource(config);
        this.jdbc = new JdbcTemplate(pool);
        this.settings = new AtomicReference<>(settings);
        // The ledger's writes are group-committed, as a real provider's would be: with a thousand payments in
        // flight, one commit per authorisation and per capture was a good part of this machine's disk and CPU.
        this.writes = new GroupCommit<>("gateway-ledger", 500, this::writeBatch);
        createLedgerTable();
    }

    /**
     * Creates the ledger's table if missing. Two backends starting at once against one PostgreSQL database can
     * both try: the loser's CREATE fails on the catalogue's unique key, and the second attempt finds the table.
     */
    private void createLedgerTable() {
        String ddl = """
            CREATE TABLE IF NOT EXISTS sim_ledger (
                idempotency_key  VARCHAR(120) PRIMARY KEY,
                authorization_id VARCHAR(64)  NOT NULL UNIQUE,
                card_last4       VARCHAR(4)   NOT NULL,
                amount           DECIMAL(12, 2) NOT NULL,
                state            VARCHAR(16)  NOT NULL,
                created_at       TIMESTAMP(6) NOT NULL,
                updated_at       TIMESTAMP(6) NOT NULL)""";
        try {
            jdbc.execute(ddl);
        } catch (RuntimeException raced) {
            jdbc.execute(ddl);
        }
    }

    public GatewaySettings settings() {
        return settings.get();
    }

    public void updateSettings(GatewaySettings newSettings) {
        settings.set(newSettings);
    }

    @Override
    public CardToken tokenize(String cardNumber) {
        return new CardToken("tok_" + UUID.randomUUID(), Luhn.lastFour(cardNumber));
    }

    @Override
    public Authorization authorize(String idempotencyKey, CardToken card, BigDecimal amount) {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return authorizeNow(idempotencyKey, card, amount);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Authorisation calls waiting for the gateway right now. */
    public int authorizationsInFlight() {
        return inFlight.get();
    }

    /** The most authorisation calls that were in flight at once since start-up. */
    public int peakAuthorizationsInFlight() {
        return peakInFlight.get();
    }

    private Authorization authorizeNow(String idempotencyKey, CardToken card, BigDecimal amount) {
        GatewaySettings current = settings.get();
        simulateLatency(current);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < current.errorRate()) {
            throw new GatewayUnavailableException("payment gateway error (simulated, rate "
                + current.errorRate() + ")");
        }
        // No look-up first: a repeated key is a duplicate key on insert, answered with what is already there.
        boolean declined = card.last4().endsWith(current.declineSuffix());
        Inserted inserted = insert(idempotencyKey, card.last4(), amount,
            declined ? LedgerState.DECLINED : LedgerState.AUTHORIZED);
        LedgerEntry entry = inserted.entry();
        if (inserted.fresh() && !declined && random.nextDouble() < current.timeoutRate()) {
            throw new GatewayUnavailableException("payment gateway timed out (simulated, rate "
                + current.timeoutRate() + "); the authorisation may exist");
        }
        return answer(entry);
    }

    private Authorization answer(LedgerEntry entry) {
        if (entry.state() == LedgerState.DECLINED) {
            throw new PaymentDeclinedException("card ending " + entry.cardLast4() + " was declined by the issuer");
        }
        return new Authorization(entry.authorizationId(), entry.idempotencyKey(), entry.amount(), entry.cardLast4());
    }

    /** A ledger line and whether this call wrote it (false: the key was there already). */
    private record Inserted(LedgerEntry entry, boolean fresh) {
    }

    private Inserted insert(String key, String last4, BigDecimal amount, LedgerState state) {
        Instant now = Instant.now();
        String authorizationId = "auth_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Write insert = write("INSERT INTO sim_ledger VALUES (?, ?, ?, ?, ?, ?, ?)", key, authorizationId, last4,
            amount, state.name(), Timestamp.from(now), Timestamp.from(now));
        if (insert.failure != null) {
            if (DUPLICATE_KEY.equals(insert.failure.getSQLState())) {
                return new Inserted(find(key).orElseThrow(), false);
            }
            throw new GatewayUnavailableException("payment gateway ledger: " + insert.failure.getMessage(),
                insert.failure);
        }
        return new Inserted(new LedgerEntry(key, authorizationId, last4, amount, state, now), true);
    }

    @Override
    public void capture(String idempotencyKey) {
        if (setState(idempotencyKey, LedgerState.AUTHORIZED, LedgerState.CAPTURED)) {
            return;
        }
        LedgerEntry entry = find(idempotencyKey)
            .orElseThrow(() -> new IllegalStateException("no authorisation under key " + idempotencyKey));
        switch (entry.state()) {
            case CAPTURED, REFUNDED -> { }
            case AUTHORIZED -> setState(idempotencyKey, LedgerState.AUTHORIZED, LedgerState.CAPTURED);
            default -> throw new IllegalStateException("cannot capture a " + entry.state() + " authorisation");
        }
    }

    @Override
    public boolean voidAuthorization(String idempotencyKey) {
        return setState(idempotencyKey, LedgerState.AUTHORIZED, LedgerState.VOIDED);
    }

    @Override
    public boolean isVoided(String idempotencyKey) {
        return find(idempotencyKey).map(e -> e.state() == LedgerState.VOIDED).orElse(false);
    }

    @Override
    public void refund(String idempotencyKey) {
        LedgerEntry entry = find(idempotencyKey)
            .orElseThrow(() -> new IllegalStateException("no authorisation under key " + idempotencyKey));
        if (entry.state() == LedgerState.AUTHORIZED) {
            setState(idempotencyKey, LedgerState.AUTHORIZED, LedgerState.VOIDED);
        } else if (entry.state() == LedgerState.CAPTURED) {
            setState(idempotencyKey, LedgerState.CAPTURED, LedgerState.REFUNDED);
        }
    }

    public Optional<LedgerEntry> find(String idempotencyKey) {
        return jdbc.query("SELECT * FROM sim_ledger WHERE idempotency_key = ?", ROW, idempotencyKey).stream()
            .findFirst();
    }

    @Override
    public List<String> openAuthorizations(Instant before) {
        return jdbc.queryForList("SELECT idempotency_key FROM sim_ledger WHERE state = ? AND updated_at < ?",
            String.class, LedgerState.AUTHORIZED.name(), Timestamp.from(before));
    }

    public List<LedgerEntry> ledger() {
        return jdbc.query("SELECT * FROM sim_ledger ORDER BY created_at", ROW);
    }

    private boolean setState(String key, LedgerState from, LedgerState to) {
        Write update = write("UPDATE sim_ledger SET state = ?, updated_at = ? WHERE idempotency_key = ? AND state = ?",
            to.name(), Timestamp.from(Instant.now()), key, from.name());
        if (update.failure != null) {
            throw new GatewayUnavailableException("payment gateway ledger: " + update.failure.getMessage(),
                update.failure);
        }
        return update.rows == 1;
    }

    /** Queues one ledger statement for the next group commit and waits until that commit is on disk. */
    private Write write(String sql, Object... args) {
        Write write = new Write(sql, args);
        try {
            writes.submit(write).get(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("interrupted while writing the payment gateway's ledger");
        } catch (ExecutionException | TimeoutException e) {
            throw new GatewayUnavailableException("payment gateway ledger not written: " + e.getMessage(), e);
        }
        return write;
    }

    /**
     * Runs the batch's statements in one transaction, each under its own savepoint, so that one statement's failure
     * (a duplicate key when two attempts race) is that statement's answer and the others still commit.
     */
    private void writeBatch(List<Write> batch) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Write write : batch) {
                    Savepoint before = connection.setSavepoint();
                    try (PreparedStatement statement = connection.prepareStatement(write.sql)) {
                        for (int i = 0; i < write.args.length; i++) {
                            statement.setObject(i + 1, write.args[i]);
                        }
                        write.rows = statement.executeUpdate();
                    } catch (SQLException e) {
                        connection.rollback(before);
                        write.failure = e;
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the payment gateway's ledger could not commit: " + e.getMessage(), e);
        }
    }

    private static void simulateLatency(GatewaySettings settings) {
        long min = settings.effectiveMin().toMillis();
        long max = settings.effectiveMax().toMillis();
        long millis = max > min ? ThreadLocalRandom.current().nextLong(min, max + 1) : min;
        if (millis > 0) {
            try {
                Thread.sleep(Duration.ofMillis(millis).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnavailableException("interrupted while waiting for the payment gateway");
            }
        }
    }

    @Override
    public void close() {
        writes.close();
        pool.close();
    }
}
