package dev.orderly.backend.db;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pipeline's own machinery (order workers, commit writers), running from construction and stopped by Spring in
 * one ordered list of {@link SmartLifecycle} phases (and started again if the context is: Spring's test framework
 * stops a cached context it does not use and starts it when a test needs it again). A higher phase stops first,
 * and every phase stops before any bean is destroyed, so before the connection pool and the producers close. The
 * whole list, first to last:
 * <ol>
 *   <li>the Kafka listener containers (Spring Kafka's phase, {@code Integer.MAX_VALUE - 100}): no new records;</li>
 *   <li>the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and stop ({@code - 2048}): the requests
 *       running finish, new writes were already answered 503;</li>
 *   <li>{@link #ORDER_WORKERS}: the orders in flight finish (bounded) or are left to be delivered again;</li>
 *   <li>{@link #PROCESSING_COMMITS}: what the workers queued is committed, so each gets its answer;</li>
 *   <li>{@link #WRITERS}: the group-commit writers (claims, acceptance log, capture marks) write what is queued.</li>
 * </ol>
 */
public abstract class OrderedStop implements SmartLifecycle {

    public static final int ORDER_WORKERS = SmartLifecycle.DEFAULT_PHASE - 4096;
    public static final int PROCESSING_COMMITS = ORDER_WORKERS - 1;
    public static final int WRITERS = ORDER_WORKERS - 2;

    private final int phase;
    private volatile boolean running = true;

    protected OrderedStop(int phase) {
        this.phase = phase;
    }

    /**
     * {@code count} daemon threads named {@code name-1...} for long-running loops (a writer that drains its queue
     * until told to stop): on {@code shutdown()} the executor waits up to {@code awaitSeconds} for the loops to end
     * and interrupts nothing.
     */
    public static ThreadPoolTaskExecutor loopThreads(String name, int count, int awaitSeconds) {
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.setThreadNamePrefix(name + "-");
        threads.setCorePoolSize(count);
        threads.setMaxPoolSize(count);
        threads.setDaemon(true);
        threads.setWaitForTasksToCompleteOnShutdown(true);
        threads.setAwaitTerminationSeconds(awaitSeconds);
        threads.initialize();
        return threads;
    }

    /** Finishes or hands back what this part holds, then stops its threads. */
    protected abstract void stopWork();

    /** Starts this part's threads again after {@link #stopWork} (a context stopped and started, a paused test). */
    protected abstract void startWork();

    /** Running from construction; after a stop, started again. */
    @Override
    public synchronized void start() {
        if (!running) {
            startWork();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            running = false;
            stopWork();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
