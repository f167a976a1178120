package dev.orderly.backend.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.processing.IntakeLoad;
import dev.orderly.backend.processing.ProcessingSettings;
import dev.orderly.model.ProcessingMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkBulkheadTest {

    private static final Duration HOLD = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WorkBulkhead bulkhead = new WorkBulkhead(new ProcessingSettings(3, 1, 100, 4, 1, 3,
        Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10), ProcessingMode.KAFKA, 200, 200, 1));
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final AtomicInteger working = new AtomicInteger();
    private final List<WorkBulkhead.Permit> held = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void startWorkers(int count) {
        for (int i = 0; i < count; i++) {
            workers.execute(() -> {
                try {
                    held.add(bulkhead.enter());
                    working.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void fourDeliveriesWorkAtOnceAndNoMoreForAsLongAsTheyHoldTheirPermits() {
        startWorkers(8);
        // Held over time: without the limit all eight would be working within milliseconds.
        await().during(HOLD).atMost(WAIT).until(() -> working.get() == 4);

        held.get(0).close();
        await().during(HOLD).atMost(WAIT).until(() -> working.get() == 5);
    }

    @Test
    void processingStepsBackToOneWorkerWhileOrdersAreBeingAcceptedAndComesBackAfter() {
        IntakeLoad.Accepting accepting = bulkhead.accepting();
        startWorkers(8);
        await().during(HOLD).atMost(WAIT).until(() -> working.get() == 1);
        assertThat(bulkhead.limit()).isEqualTo(1);

        accepting.close();
        accepting.close();
        await().during(HOLD).atMost(WAIT).until(() -> working.get() == 4);
        assertThat(bulkhead.limit()).isEqualTo(4);
    }

    @Test
    void acceptingStopsNoWorkAlreadyGoingAndHoldsNewWorkUntilBelowTheLimit() throws Exception {
        WorkBulkhead.Permit a = bulkhead.enter();
        WorkBulkhead.Permit b = bulkhead.enter();
        IntakeLoad.Accepting accepting = bulkhead.accepting();
        startWorkers(1);
        a.close();
        // One delivery still holds a permit and the limit while accepting is one: the newcomer keeps waiting.
        await().during(HOLD).atMost(WAIT).until(() -> working.get() == 0);

        b.close();
        await().atMost(WAIT).until(() -> working.get() == 1);
        accepting.close();
    }

    @Test
    void aPermitClosedTwiceIsGivenBackOnce() throws Exception {
        WorkBulkhead.Permit permit = bulkhead.enter();
        permit.close();
        permit.close();
        assertThat(bulkhead.inUse()).isZero();
        startWorkers(6);
        await().during(HOLD).atMost(WAIT).until(() -> working.get() == 4);
    }

    @Test
    void aWorkerWaitingForAPermitStopsWhenInterrupted() throws Exception {
        for (int i = 0; i < 4; i++) {
            bulkhead.enter();
        }
        ExecutorService single = Executors.newSingleThreadExecutor();
        Future<?> waiting = single.submit(() -> {
            bulkhead.enter();
            return null;
        });
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> !waiting.isDone());

        single.shutdownNow();

        assertThat(single.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bulkhead.inUse()).isEqualTo(4);
    }
}
