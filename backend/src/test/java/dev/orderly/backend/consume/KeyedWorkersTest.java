package dev.orderly.backend.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.processing.ProcessingSettings;
import dev.orderly.model.ProcessingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedWorkersTest {

    private final KeyedWorkers workers = new KeyedWorkers(new ProcessingSettings(2, 1, 8, 4, 1, 3,
        Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10), ProcessingMode.KAFKA, 200, 200, 1));

    @AfterEach
    void close() throws InterruptedException {
        workers.stop();
    }

    @Test
    void differentKeysRunAtTheSameTime() throws Exception {
        CountDownLatch allStarted = new CountDownLatch(5);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(workers.submit("order-" + i, () -> {
                allStarted.countDown();
                awaitQuietly(release);
            }));
        }
        // Five tasks can only all have started if they run in parallel: none finishes before the release.
        assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(workers.inFlight()).isEqualTo(5);
        release.countDown();
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        await().until(() -> workers.inFlight() == 0);
    }

    @Test
    void theSameKeyNeverRunsTwiceAtOnceAndKeepsItsOrderEvenAfterAFailure() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            tasks.add(workers.submit("order-7", () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(n);
                Thread.yield();
                running.decrementAndGet();
                if (n == 3) {
                    throw new IllegalStateException("task 3 fails");
                }
            }));
        }
        for (CompletableFuture<Void> task : tasks) {
            task.handle((v, e) -> null).get(10, TimeUnit.SECONDS);
        }
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
        assertThat(tasks.get(3)).isCompletedExceptionally();
        assertThat(tasks.get(4)).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void afterShutdownATaskFailsInsteadOfRunning() throws Exception {
        workers.stop();
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Void> task = workers.submit("order-1", ran::incrementAndGet);
        assertThat(task.handle((v, e) -> e).get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(ran.get()).isZero();
        assertThat(workers.closing()).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
