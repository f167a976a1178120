package dev.orderly.backend.processing;

import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records "accepted" timeline rows with group commit: the request thread queues its row and waits for the commit;
 * one writer commits whatever has queued up in a single transaction. Under load this turns hundreds of commits
 * (each a write to the H2 file) into a few, while each 202 still comes after its row is on disk, which the
 * invariant checker relies on to find accepted events that never got an outcome.
 */
@Component
class AcceptanceLog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AcceptanceLog.class);
    private static final int MAX_BATCH = 500;

    private record Pending(ProcessingAttempt row, CompletableFuture<Void> committed) {
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ProcessingAttemptRepository attempts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Thread writer;
    private volatile boolean running = true;

    AcceptanceLog(ProcessingAttemptRepository attempts, TransactionTemplate transactions, Clock clock) {
        this.attempts = attempts;
        this.transactions = transactions;
        this.clock = clock;
        this.writer = new Thread(this::write, "acceptance-log");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Records that {@code eventId} was accepted; returns once the row is committed (or failed, logged). */
    void accepted(long orderId, String eventId, String detail, RecordOrigin origin) {
        Pending pending = new Pending(new ProcessingAttempt(orderId, eventId, TimelineKind.ACCEPTED, detail, origin,
            0, clock.instant()), new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.committed().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The event is already durable on the broker and will be processed; only its timeline row is missing.
            log.warn("order {}: the 'accepted' timeline row was not written: {}", orderId, e.toString());
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                transactions.executeWithoutResult(status -> attempts.saveAll(batch.stream().map(Pending::row)
                    .toList()));
                batch.forEach(p -> p.committed().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(p -> p.committed().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
