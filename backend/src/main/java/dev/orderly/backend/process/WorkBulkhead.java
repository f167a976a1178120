package dev.orderly.backend.process;

import dev.orderly.backend.processing.IntakeLoad;
import dev.orderly.backend.processing.ProcessingSettings;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * The bulkhead between accepting orders and processing them: how many deliveries may do database and CPU work at
 * once. {@code workConcurrency} normally, {@code workConcurrencyWhileAccepting} while requests to accept orders are
 * being answered ({@link IntakeLoad}). Accepting comes first because a caller waits for the 202 and nobody waits
 * for the processing (the broker holds the backlog); on two cores four processing deliveries at once took the CPU
 * and H2's commit lock from the request threads and multiplied the 202's latency (BENCHMARKS.md).
 *
 * <p>Waiting for a permit honours interrupts, so shutdown can stop workers that wait here. Any number of
 * deliveries may wait for the payment gateway at once: {@link OrderProcessor} holds a permit only around its
 * pre-check reads, never across the gateway call; the processing transaction itself runs on
 * {@link ProcessingCommits}' writers, which take no permit from here.
 */
@Component
class WorkBulkhead implements IntakeLoad {

    /** One permit to work; closing it gives it back (twice counts once). */
    final class Permit implements AutoCloseable {

        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit() {
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                lock.lock();
                try {
                    inUse--;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final int normal;
    private final int whileAccepting;
    private int inUse;
    private int accepting;

    WorkBulkhead(ProcessingSettings settings) {
        this.normal = settings.workConcurrency();
        this.whileAccepting = Math.min(settings.workConcurrencyWhileAccepting(), normal);
    }

    /** Waits until a delivery may work, then takes a permit. */
    Permit enter() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inUse >= limitLocked()) {
                changed.await();
            }
            inUse++;
            return new Permit();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Accepting accepting() {
        lock.lock();
        try {
            accepting++;
        } finally {
            lock.unlock();
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                lock.lock();
                try {
                    accepting--;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    /** Whether requests to accept orders are being answered right now. */
    boolean busyAccepting() {
        lock.lock();
        try {
            return accepting > 0;
        } finally {
            lock.unlock();
        }
    }

    /** Deliveries allowed to work right now. */
    int limit() {
        lock.lock();
        try {
            return limitLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Deliveries working right now. */
    int inUse() {
        lock.lock();
        try {
            return inUse;
        } finally {
            lock.unlock();
        }
    }

    private int limitLocked() {
        return accepting > 0 ? whileAccepting : normal;
    }
}
