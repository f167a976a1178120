package dev.orderly.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/** N orders sent for processing as fast as they are accepted; the clock stops when none waits any more. */
final class EndToEnd {

    /**
     * @param ordersPerSecond all orders over the whole run, ramp and tail included
     * @param steadyPerSecond orders finished per second between the 10th and the 90th percent of them (the rate the
     *     pipeline holds once full, without the first and last payments' latency); 0 if the run was too short to tell
     * @param cpuMillisPerOrder the backends' CPU milliseconds per order over the timed part; -1 if not known
     */
    record Result(int orders, double seconds, double ordersPerSecond, double steadyPerSecond,
        double cpuMillisPerOrder) {
    }

    /** Orders sent through the whole path before a measured run, not measured. */
    static final int WARM_UP = 3_000;

    private EndToEnd() {
    }

    /**
     * Sends {@link #WARM_UP} orders end to end (not in smoke runs): a fresh backend spent about a seventh of the
     * box's CPU in the JIT compiler during a measured run of 20,000 (BENCHMARKS.md), which is not what a running
     * backend costs per order.
     */
    static void warmUp(Api api, boolean smoke) throws Exception {
        if (!smoke) {
            Bench.progress("warm-up: " + WARM_UP + " orders end to end, not measured");
            run(api, WARM_UP, 64);
        }
    }

    static Result run(Api api, int n, int inFlight) throws Exception {
        return run(List.of(api), n, inFlight, () -> -1);
    }

    /**
     * The same through several backends of one database: payments go to each in turn. {@code cpuSeconds} reads the
     * backends' CPU time (or -1), at the start of the timed part and at its end.
     */
    static Result run(List<Api> apis, int n, int inFlight, DoubleSupplier cpuSeconds) throws Exception {
        Api first = apis.get(0);
        List<Long> orders = first.createOrders(n, 8);
        long waitingBefore = first.pendingPayment();
        Semaphore permits = new Semaphore(inFlight);
        List<long[]> samples = new ArrayList<>();
        double cpuBefore = cpuSeconds.getAsDouble();
        long start = System.nanoTime();
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    long done = waitingBefore - first.pendingPayment();
                    synchronized (samples) {
                        samples.add(new long[] {System.nanoTime(), done});
                    }
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // the run itself reports failures
            }
        }, "e2e-sampler");
        sampler.setDaemon(true);
        sampler.start();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            permits.acquire();
            calls[i] = apis.get(i % apis.size()).payAsync(orders.get(i)).whenComplete((r, e) -> permits.release());
        }
        CompletableFuture.allOf(calls).get(300, TimeUnit.SECONDS);
        first.awaitDrained(600);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuAfter = cpuSeconds.getAsDouble();
        sampler.interrupt();
        sampler.join();
        return new Result(n, seconds, n / seconds, steady(samples, n),
            Bench.cpuMillisPerOrder(cpuBefore, cpuAfter, n));
    }

    private static double steady(List<long[]> samples, int n) {
        long[] from = null;
        long[] to = null;
        for (long[] sample : samples) {
            if (from == null && sample[1] >= n / 10) {
                from = sample;
            }
            if (to == null && sample[1] >= n * 9L / 10) {
                to = sample;
            }
        }
        if (from == null || to == null || to[0] <= from[0]) {
            return 0;
        }
        return (to[1] - from[1]) / ((to[0] - from[0]) / 1e9);
    }
}
