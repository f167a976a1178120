package dev.orderly.backend.consume;

import dev.orderly.backend.db.OrderedStop;
import dev.orderly.backend.processing.ProcessingSettings;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs order work in parallel across orders and strictly one at a time per order: a task for an order that already
 * has one in flight is chained behind it (holding no thread while it waits). This is what lets a consumer keep
 * hundreds of slow payments in flight from one partition while the same order is never processed twice at once.
 */
@Component
class KeyedWorkers extends OrderedStop {

    private static final Logger log = LoggerFactory.getLogger(KeyedWorkers.class);

    private final int threads;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile ThreadPoolExecutor pool;
    private volatile ThreadPoolTaskScheduler timer;
    private volatile boolean closing;

    /** Stopped before the processing commits ({@link OrderedStop}), so a worker waiting for its commit gets it. */
    KeyedWorkers(ProcessingSettings settings) {
        super(OrderedStop.ORDER_WORKERS);
        this.threads = settings.maxInFlight();
        startWork();
    }

    /**
     * Up to maxInFlight threads, each idle one ended after 30 s (the unbounded queue never fills in practice, as the
     * consumers keep at most maxInFlight orders in flight), and one timer thread for the retries' back-off.
     */
    @Override
    protected void startWork() {
        ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
        workers.setThreadNamePrefix("order-worker-");
        workers.setCorePoolSize(threads);
        workers.setMaxPoolSize(threads);
        workers.setKeepAliveSeconds(30);
        workers.setAllowCoreThreadTimeOut(true);
        workers.setDaemon(true);
        workers.initialize();
        ThreadPoolTaskScheduler retryTimer = new ThreadPoolTaskScheduler();
        retryTimer.setThreadNamePrefix("order-retry-timer-");
        retryTimer.setDaemon(true);
        retryTimer.initialize();
        this.pool = workers.getThreadPoolExecutor();
        this.timer = retryTimer;
        this.closing = false;
    }

    /**
     * Runs {@code task} once every earlier task of the same {@code key} has finished (whether it failed or not).
     * The returned future fails if the task throws or if the workers are shutting down.
     */
    CompletableFuture<Void> submit(String key, Runnable task) {
        inFlight.incrementAndGet();
        CompletableFuture<Void> mine = tails.compute(key, (k, previous) -> {
            CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null) : previous;
            return after.handleAsync((ignored, failure) -> {
                task.run();
                return null;
            }, pool);
        });
        mine.whenComplete((ignored, failure) -> {
            inFlight.decrementAndGet();
            tails.remove(key, mine);
        });
        return mine;
    }

    /**
     * Like {@link #submit}, after {@code delayMillis} (a retry's back-off): no thread waits meanwhile, and the
     * task joins its order's queue only when it is due.
     */
    CompletableFuture<Void> submitLater(String key, long delayMillis, Runnable task) {
        if (delayMillis <= 0) {
            return submit(key, task);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            timer.schedule(() -> submit(key, task).whenComplete((ok, failure) -> {
                if (failure == null) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(failure);
                }
            }), Instant.now().plusMillis(delayMillis));
        } catch (TaskRejectedException closing) {
            result.completeExceptionally(closing);
        }
        return result;
    }

    /** Tasks submitted and not yet finished (running or waiting behind their order's earlier task). */
    int inFlight() {
        return inFlight.get();
    }

    boolean closing() {
        return closing;
    }

    /**
     * Lets running tasks finish (bounded) when the application stops; a task that does not finish is not
     * acknowledged, so its record is delivered again on the next start and the duplicate check handles it.
     */
    @Override
    protected void stopWork() {
        closing = true;
        timer.getScheduledExecutor().shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(20, TimeUnit.SECONDS)) {
                log.warn("{} order task(s) still running at shutdown; their records will be delivered again",
                    pool.getActiveCount());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
