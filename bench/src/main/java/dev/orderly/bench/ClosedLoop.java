package dev.orderly.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of clients, each sending its next request when the previous one answered: what users of the
 * seed's synchronous endpoint experience (each waits for its order), measured the same way for both modes.
 */
final class ClosedLoop {

    record Result(int count, int errors, double seconds, double p50, double p99) {

        double perSecond() {
            return count / seconds;
        }
    }

    private ClosedLoop() {
    }

    static Result run(Api api, List<Long> orders, int clients, int expectedStatus) throws Exception {
        int n = orders.size();
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long begin = System.nanoTime();
                    int status = api.pay(orders.get(i));
                    latencies[i] = System.nanoTime() - begin;
                    if (status != expectedStatus) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(n, errors.get(), seconds, OpenLoop.ms(sorted, 0.50), OpenLoop.ms(sorted, 0.99));
    }
}
