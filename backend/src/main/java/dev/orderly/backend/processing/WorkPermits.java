package dev.orderly.backend.processing;

import org.springframework.stereotype.Component;

/**
 * How many deliveries may do database and CPU work at once: {@code workConcurrency} normally, and
 * {@code workConcurrencyWhileAccepting} while requests to accept orders are being answered. Accepting comes first
 * because a caller waits for the 202 and nobody waits for the processing (the broker holds the backlog); on two
 * cores four processing deliveries at once took the CPU and H2's commit lock from the request threads and
 * multiplied the 202's latency (BENCHMARKS.md).
 */
@Component
class WorkPermits {

    private final int normal;
    private final int whileAccepting;
    private int inUse;
    private int accepting;

    WorkPermits(ProcessingSettings settings) {
        this.normal = settings.workConcurrency();
        this.whileAccepting = Math.min(settings.workConcurrencyWhileAccepting(), normal);
    }

    synchronized void acquire() {
        boolean interrupted = false;
        while (inUse >= limit()) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        inUse++;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void release() {
        inUse--;
        notifyAll();
    }

    /** A request to accept an order started; processing steps back until it is answered. */
    synchronized void acceptStarted() {
        accepting++;
    }

    synchronized void acceptEnded() {
        accepting--;
        if (accepting == 0) {
            notifyAll();
        }
    }

    /** Deliveries allowed to work right now. */
    synchronized int limit() {
        return accepting > 0 ? whileAccepting : normal;
    }
}
