package dev.orderly.backend.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.model.ProcessingMode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkPermitsTest {

    private final WorkPermits permits = new WorkPermits(new ProcessingSettings(3, 1, 100, 4, 1, 3,
        Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10), ProcessingMode.KAFKA));
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final AtomicInteger working = new AtomicInteger();

    @AfterEach
    void stop() throws InterruptedException {
        for (int i = 0; i < 8; i++) {
            permits.release();
        }
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void processingStepsBackToOneWorkerWhileOrdersAreBeingAcceptedAndComesBackAfter() {
        permits.acceptStarted();
        for (int i = 0; i < 8; i++) {
            workers.execute(() -> {
                permits.acquire();
                working.incrementAndGet();
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> working.get() == 1);
        assertThat(permits.limit()).isEqualTo(1);

        permits.acceptEnded();
        await().atMost(Duration.ofSeconds(10)).until(() -> working.get() == 4);
        assertThat(permits.limit()).isEqualTo(4);

        permits.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> working.get() == 5);
    }

    @Test
    void acceptingStopsNoWorkAlreadyGoingAndHoldsNewWorkUntilBelowTheLimit() {
        for (int i = 0; i < 3; i++) {
            permits.acquire();
        }
        permits.acceptStarted();
        AtomicReference<Thread> newcomer = new AtomicReference<>();
        workers.execute(() -> {
            newcomer.set(Thread.currentThread());
            permits.acquire();
            working.incrementAndGet();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> newcomer.get() != null
            && newcomer.get().getState() == Thread.State.WAITING);
        permits.release();
        permits.release();
        // One delivery still holds a permit and the limit while accepting is one: the newcomer keeps waiting.
        await().atMost(Duration.ofSeconds(10)).until(() -> newcomer.get().getState() == Thread.State.WAITING);
        assertThat(working).hasValue(0);

        permits.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> working.get() == 1);
    }
}
