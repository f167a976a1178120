package dev.orderly.backend.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Group commit: callers queue items, one writer thread hands whatever has queued up to {@code writeBatch}, which
 * writes them in a single transaction. Each item's future completes once that transaction committed (or fails with
 * its exception). With {@code WRITE_DELAY=0} every H2 commit writes a chunk to the file, so under load this turns
 * hundreds of commits into a few, while a caller that waits for its future still knows its item is on disk.
 *
 * @param <T> what is written
 */
public final class GroupCommit<T> implements AutoCloseable {

    private record Pending<T>(T item, CompletableFuture<Void> committed) {
    }

    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<T>> writeBatch;
    private final int maxBatch;
    private final String name;
    private ThreadPoolTaskExecutor writer;
    private volatile boolean running;

    public GroupCommit(String name, int maxBatch, Consumer<List<T>> writeBatch) {
        this.name = name;
        this.writeBatch = writeBatch;
        this.maxBatch = maxBatch;
        start();
    }

    /** Starts the writer (again, after {@link #close}). */
    public synchronized void start() {
        if (!running) {
            running = true;
            writer = OrderedStop.loopThreads(name, 1, 10);
            writer.execute(this::write);
        }
    }

    /** Queues {@code item}; the future completes when the transaction holding it committed. */
    public CompletableFuture<Void> submit(T item) {
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        if (!running) {
            pending.committed().completeExceptionally(new IllegalStateException("shutting down"));
            return pending.committed();
        }
        queue.add(pending);
        return pending.committed();
    }

    private void write() {
        List<Pending<T>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeBatch.accept(batch.stream().map(Pending::item).toList());
                batch.forEach(p -> p.committed().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (DatabaseOutages.isOutage(e)) {
                    // What queued while this batch waited for the database (up to the pool's time-out) would
                    // wait as long again for the same answer: it gets the outage now, so no caller waits for
                    // more than one time-out in a row.
                    queue.drainTo(batch);
                }
                batch.forEach(p -> p.committed().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes what is queued, then stops (waits up to 10 s). */
    @Override
    public synchronized void close() {
        running = false;
        writer.shutdown();
    }
}
