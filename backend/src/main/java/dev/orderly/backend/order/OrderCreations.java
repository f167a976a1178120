package dev.orderly.backend.order;

import dev.orderly.backend.db.GroupCommit;
import dev.orderly.backend.db.OrderedStop;
import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.OrderStatus;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates orders with group commit. A create writes the order, its items, two history rows (created, then awaiting
 * payment) and their two outbox rows; as a transaction of its own that was a commit per order (with H2's
 * {@code WRITE_DELAY=0} a chunk written to the file, on PostgreSQL a WAL flush) and Hibernate's insert, dirty check
 * and update of the order: together about half of a create's CPU in the profile (BENCHMARKS.md). Here the request
 * thread queues the new order and waits; one writer inserts whatever has queued up in one transaction, the order
 * row already in {@code PENDING_PAYMENT} at status version 2, the rest as JDBC batches at the commit
 * ({@link TransactionInserts}). History and events are the same as before: version 1 {@code CREATED}, version 2
 * {@code PENDING_PAYMENT}. A batch refused by a constraint is written again order by order, so one bad order fails
 * alone.
 */
@Component
public class OrderCreations extends OrderedStop {

    private static final int MAX_BATCH = 200;
    private static final long WAIT_SECONDS = 60;
    private static final String INSERT_ORDER = "INSERT INTO orders (user_email, status, total, warehouse_storage,"
        + " created_at, updated_at, version, status_version) VALUES (?, ?, ?, FALSE, ?, ?, 1, 2)";
    private static final String INSERT_ITEM = "INSERT INTO order_items (order_id, sku, quantity, unit_price)"
        + " VALUES (?, ?, ?, ?)";

    /** A created order as its creator is told: its number, its status (awaiting payment), its total. */
    public record Created(long id, OrderStatus status, BigDecimal total) {
    }

    /** One order to write and, once written, its number or what refused it. */
    private static final class NewOrder {
        final String email;
        final List<OrderItemRequest> items;
        final BigDecimal total;
        final Instant createdAt;
        volatile long id;
        volatile RuntimeException failure;

        NewOrder(String email, CreateOrderRequest request, Instant createdAt) {
            this.email = email;
            this.items = request.items();
            this.total = request.total();
            this.createdAt = createdAt;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionInserts inserts;
    private final OrderStatusChanger statusChanger;
    private final Clock clock;
    private final GroupCommit<NewOrder> writes;

    OrderCreations(JdbcTemplate jdbc, TransactionTemplate transactions, TransactionInserts inserts,
        OrderStatusChanger statusChanger, Clock clock) {
        super(OrderedStop.WRITERS);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.inserts = inserts;
        this.statusChanger = statusChanger;
        this.clock = clock;
        this.writes = new GroupCommit<>("order-creations", MAX_BATCH, this::write);
    }

    /**
     * Creates {@code user}'s order and returns once it is committed.
     *
     * @throws org.springframework.dao.DataAccessException if the database refused it or failed (nothing written)
     */
    public Created create(CurrentUser user, CreateOrderRequest request) {
        NewOrder order = new NewOrder(user.email(), request, clock.instant());
        try {
            writes.submit(order).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // The batch failed as a whole: the database's failure (an outage is answered 503), nothing written.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new DataAccessResourceFailureException("creating the order failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new DataAccessResourceFailureException("creating the order took over " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while creating the order", e);
        }
        if (order.failure != null) {
            throw order.failure;
        }
        return new Created(order.id, OrderStatus.PENDING_PAYMENT, order.total);
    }

    private void write(List<NewOrder> batch) {
        try {
            transactions.executeWithoutResult(status -> batch.forEach(this::insert));
        } catch (DataIntegrityViolationException refused) {
            if (batch.size() == 1) {
                throw refused;
            }
            // Nothing of the batch committed: each order again in a transaction of its own.
            for (NewOrder order : batch) {
                try {
                    transactions.executeWithoutResult(status -> insert(order));
                } catch (RuntimeException e) {
                    order.failure = e;
                }
            }
        }
    }

    /** The order's row (its number from the database), then its items, history and events at the commit. */
    private void insert(NewOrder order) {
        Instant awaiting = clock.instant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT_ORDER, new String[] {"id"});
            insert.setString(1, order.email);
            insert.setString(2, OrderStatus.PENDING_PAYMENT.name());
            insert.setBigDecimal(3, order.total);
            insert.setObject(4, TransactionInserts.at(order.createdAt));
            insert.setObject(5, TransactionInserts.at(awaiting));
            return insert;
        }, key);
        order.id = key.getKeyAs(Number.class).longValue();
        for (OrderItemRequest item : order.items) {
            inserts.add(INSERT_ITEM, order.id, item.sku().strip(), item.quantity(), item.unitPrice());
        }
        statusChanger.recordCreation(order.id, order.email, order.total, order.createdAt, awaiting);
    }

    /** Writes what is queued, then stops. */
    @Override
    protected void stopWork() {
        writes.close();
    }

    @Override
    protected void startWork() {
        writes.start();
    }
}
