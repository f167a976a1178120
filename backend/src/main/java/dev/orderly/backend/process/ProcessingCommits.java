package dev.orderly.backend.process;

import dev.orderly.backend.db.OrderedStop;
import dev.orderly.backend.payment.PaymentGateway.Authorization;
import dev.orderly.backend.processing.ProcessingSettings;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the processing transactions of many orders together: workers hand their authorised deliveries here and
 * wait; a writer thread ({@code orderly.processing.commit-writers}, one by default: a second gave nothing measurable
 * on either database, BENCHMARKS.md) applies whatever has queued up
 * ({@link ProcessingTransaction#applyWithin}, order by order, each order's own row flushed on its own) in a single
 * database transaction, whose new rows go as one JDBC batch per table just before it commits
 * ({@code TransactionInserts}). Under load this turns one commit per order into one per batch, which is what an
 * order cost most (BENCHMARKS.md); with nothing queued a batch is one order and nothing waits.
 *
 * <p>The meaning of "one order, one transaction" is kept: if an order's work throws, the whole batch is rolled back,
 * that order gets its exception (exactly what it would have got alone: every check runs under its own row lock),
 * and the others are applied again without it. If the commit itself fails (the batched inserts included), nobody
 * can tell whose rows caused it, so those orders are applied again one per transaction. No order's rows ever commit
 * without all of them, and no order's outcome depends on another's. A batch holds at most one delivery of an order:
 * a second (two copies of one event) waits for the next batch, so it finds the first committed, as it would across
 * two backends. Orders are applied in id order, so two backends' batches (during a rebalance both may hold the same
 * orders) lock rows in the same order and cannot deadlock each other.
 *
 * <p>The writers are their own lanes of database work beside the {@link WorkBulkhead}'s (which bounds the workers'
 * reads before the gateway call); they take no permit from it, or under a stream of requests to accept orders (one
 * permit then) they would queue behind hundreds of those reads and processing would fall behind. With several
 * writers, two never hold the same order (a backend has one delivery of an order in flight at a time), and each
 * locks in id order.
 *
 * <p>Not a {@code GroupCommit}: that one fails or completes a batch as a whole, while here each order's result is its
 * own.
 */
@Component
class ProcessingCommits extends OrderedStop {

    private static final Logger log = LoggerFactory.getLogger(ProcessingCommits.class);
    private static final long WAIT_SECONDS = 60;

    /** One order's commit: what to apply and where its result goes. */
    private record Work(OrderProcessingEvent event, Authorization authorization, RecordOrigin origin,
        CompletableFuture<OrderStatus> result) {
    }

    private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final ProcessingTransaction transaction;
    private final TransactionTemplate transactions;
    private final WorkBulkhead bulkhead;
    private final DistributionSummary batchSizes;
    private final int maxBatch;
    private final int maxBatchWhileAccepting;
    private final int writerCount;
    private volatile ThreadPoolTaskExecutor writers;
    /** Writers work under the read lock; {@link #hold} takes the write lock. */
    private final ReentrantReadWriteLock held = new ReentrantReadWriteLock();
    private volatile boolean running = true;

    ProcessingCommits(ProcessingTransaction transaction, TransactionTemplate transactions, WorkBulkhead bulkhead,
        ProcessingSettings settings, MeterRegistry meters) {
        super(OrderedStop.PROCESSING_COMMITS);
        this.maxBatch = settings.commitBatch();
        this.maxBatchWhileAccepting = Math.min(settings.commitBatchWhileAccepting(), maxBatch);
        this.transaction = transaction;
        this.transactions = transactions;
        this.bulkhead = bulkhead;
        this.batchSizes = DistributionSummary.builder("orderly.processing.batch.size")
            .description("Orders applied in one processing transaction").register(meters);
        this.writerCount = settings.commitWriters();
        startWork();
    }

    /**
     * Applies the order's processing in the next batch and returns its status once that batch committed.
     *
     * @throws RuntimeException whatever the order's own work (or, alone, its commit) threw; nothing of it committed
     * @throws InterruptedException if interrupted before a writer took the order: it is then never committed. Once a
     *     writer has taken it, its outcome is awaited whatever the interrupt (which is kept set), because acting on
     *     "not committed" while it may still commit would void the authorisation of a committed payment
     */
    OrderStatus apply(OrderProcessingEvent event, Authorization authorization, RecordOrigin origin)
        throws InterruptedException {
        Work work = new Work(event, authorization, origin, new CompletableFuture<>());
        if (!running) {
            throw stopped(event);
        }
        queue.add(work);
        if (!running && writers.getActiveCount() == 0 && queue.remove(work)) {
            throw stopped(event);
        }
        try {
            return work.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw failure(e);
        } catch (TimeoutException e) {
            if (queue.remove(work)) {
                throw new TransientProcessingException("the processing transaction did not start within "
                    + WAIT_SECONDS + " s", e);
            }
            log.warn("order {}: its processing transaction has run for over {} s; waiting for its outcome",
                event.orderId(), WAIT_SECONDS);
            return outcomeOfTaken(work);
        } catch (InterruptedException e) {
            if (queue.remove(work)) {
                throw e;
            }
            Thread.currentThread().interrupt();
            return outcomeOfTaken(work);
        }
    }

    /**
     * The outcome of a work a writer has already taken: it is committed or rolled back soon, and until then the
     * caller must not act on "not committed" (voiding its authorisation while the batch still commits the payment
     * would leave a completed order whose money was given back), so this waits, whatever interrupts it.
     */
    private static OrderStatus outcomeOfTaken(Work work) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return work.result().get();
                } catch (InterruptedException again) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw failure(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException failure(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
            return failure;
        }
        return new TransientProcessingException("processing failed: " + e.getCause(), e.getCause());
    }

    private static TransientProcessingException stopped(OrderProcessingEvent event) {
        return new TransientProcessingException("shutting down: order " + event.orderId() + " not processed now",
            null);
    }

    private void write() {
        List<Work> batch = new ArrayList<>();
        // Works held back from a batch that already had their order; they lead the next one.
        Deque<Work> carried = new ArrayDeque<>();
        while (running || !queue.isEmpty() || !carried.isEmpty()) {
            try {
                held.readLock().lockInterruptibly();
                try {
                    Work first = carried.isEmpty() ? queue.poll(200, TimeUnit.MILLISECONDS) : carried.poll();
                    if (first == null) {
                        continue;
                    }
                    // A big commit holds the database's commit lock longer, and requests being accepted wait
                    // behind it: smaller batches while they are.
                    int limit = bulkhead.busyAccepting() ? maxBatchWhileAccepting : maxBatch;
                    List<Work> taken = new ArrayList<>(List.of(first));
                    while (taken.size() < limit && !carried.isEmpty()) {
                        taken.add(carried.poll());
                    }
                    queue.drainTo(taken, limit - taken.size());
                    // One work per order in a batch: a second delivery of an order (two copies of one event, as
                    // two backends would run them) goes in the next, after the first committed, so it sees the
                    // first as done instead of rolling it back with it.
                    Set<Long> orders = new HashSet<>();
                    for (Work work : taken) {
                        (orders.add(work.event().orderId()) ? batch : carried).add(work);
                    }
                    batch.sort(Comparator.comparingLong(w -> w.event().orderId()));
                    commitAll(batch);
                } finally {
                    held.readLock().unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                TransientProcessingException interrupted = new TransientProcessingException(
                    "interrupted before the processing transaction", e);
                batch.forEach(w -> w.result().completeExceptionally(interrupted));
                carried.forEach(w -> w.result().completeExceptionally(interrupted));
                return;
            } catch (RuntimeException | Error e) {
                // Never leave a worker waiting: whatever was not answered fails (and is retried by its worker).
                batch.forEach(w -> w.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Commits every work of {@code batch}, or gives it its own failure. */
    private void commitAll(List<Work> batch) {
        Deque<Work> together = new ArrayDeque<>(batch);
        while (!together.isEmpty()) {
            List<Work> round = new ArrayList<>(together);
            together.clear();
            Work[] current = new Work[1];
            List<OrderStatus> reached = new ArrayList<>(round.size());
            try {
                transactions.executeWithoutResult(status -> {
                    for (Work work : round) {
                        current[0] = work;
                        reached.add(transaction.applyWithin(work.event(), work.authorization(), work.origin()));
                    }
                    current[0] = null;
                });
                batchSizes.record(round.size());
                for (int i = 0; i < round.size(); i++) {
                    round.get(i).result().complete(reached.get(i));
                }
            } catch (RuntimeException e) {
                Work failed = current[0];
                if (failed != null) {
                    // That order's own work failed; the others were rolled back with it and go again without it.
                    failed.result().completeExceptionally(e);
                    round.stream().filter(w -> w != failed).forEach(together::add);
                } else if (round.size() == 1) {
                    round.get(0).result().completeExceptionally(e);
                } else {
                    log.debug("a processing batch of {} failed to commit ({}); applying them one by one",
                        round.size(), e.toString());
                    round.forEach(work -> commitAll(List.of(work)));
                }
            }
        }
    }

    /**
     * Holds the writers before their next batch until the returned handle is closed: what is submitted meanwhile
     * stays queued (tests use it to build a batch).
     */
    AutoCloseable hold() {
        held.writeLock().lock();
        return held.writeLock()::unlock;
    }

    /** Orders waiting for the next batch (not counting the one being committed). */
    int queued() {
        return queue.size();
    }

    /** Commits what is queued (the workers still waiting get their answers), then stops (waits up to 10 s). */
    @Override
    protected void stopWork() {
        running = false;
        writers.shutdown();
    }

    @Override
    protected void startWork() {
        running = true;
        writers = OrderedStop.loopThreads("processing-commits", writerCount, 10);
        for (int i = 0; i < writerCount; i++) {
            writers.execute(this::write);
        }
    }
}
