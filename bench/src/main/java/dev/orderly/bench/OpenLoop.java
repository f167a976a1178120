package dev.orderly.bench;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Constant arrival rate: request i is due at {@code start + i / rate} whether or not earlier ones answered, and
 * its latency is measured from when it was due, so a slow server cannot hide its queue (no coordinated omission).
 */
final class OpenLoop {

    record Result(int count, int errors, double p50, double p99, double p999) {
    }

    private OpenLoop() {
    }

    /** Pays for each of {@code orders} (a 202 is the expected answer). */
    static Result run(Api api, List<Long> orders, int perSecond) throws Exception {
        return run(orders.size(), perSecond, 202, i -> api.payAsync(orders.get(i)));
    }

    /** Sends request {@code i} of {@code n} ({@code send.apply(i)}) at its due time; another answer is an error. */
    static Result run(int n, int perSecond, int expected,
        IntFunction<? extends CompletableFuture<? extends HttpResponse<?>>> send)
        throws Exception {
        long[] latencies = new long[n];
        AtomicInteger errors = new AtomicInteger();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[n];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < n; i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 200_000));
            }
            int index = i;
            calls[i] = send.apply(i).whenComplete((response, failure) -> {
                latencies[index] = System.nanoTime() - due;
                if (failure != null || response.statusCode() != expected) {
                    errors.incrementAndGet();
                }
            });
        }
        CompletableFuture.allOf(calls).get(120, TimeUnit.SECONDS);
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(n, errors.get(), ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 0.999));
    }

    static double ms(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
