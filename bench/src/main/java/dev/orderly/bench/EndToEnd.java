package dev.orderly.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** N orders sent for processing as fast as they are accepted; the clock stops when none waits any more. */
final class EndToEnd {

    record Result(int orders, double seconds, double ordersPerSecond) {
    }

    private EndToEnd() {
    }

    static Result run(Api api, int n, int inFlight) throws Exception {
        List<Long> orders = api.createOrders(n, 8);
        Semaphore permits = new Semaphore(inFlight);
        long start = System.nanoTime();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            permits.acquire();
            calls[i] = api.payAsync(orders.get(i)).whenComplete((r, e) -> permits.release());
        }
        CompletableFuture.allOf(calls).get(300, TimeUnit.SECONDS);
        api.awaitDrained(600);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(n, seconds, n / seconds);
    }
}
