package dev.orderly.backend.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void itemsQueuedWhileABatchIsBeingWrittenGoIntoTheNextBatchTogether() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        try (GroupCommit<Integer> commits = new GroupCommit<>("test-writer", 100, batch -> {
            batches.add(batch);
            firstBatchStarted.countDown();
            await(releaseFirstBatch);
        })) {
            CompletableFuture<Void> first = commits.submit(0);
            assertThat(firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> rest = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                rest.add(commits.submit(i));
            }
            // Nothing is reported committed before its batch was written.
            assertThat(first).isNotDone();
            assertThat(rest).noneMatch(CompletableFuture::isDone);

            releaseFirstBatch.countDown();
            CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(first).isDone();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(50);
    }

    @Test
    void aFailedBatchFailsOnlyItsOwnItemsAndTheWriterGoesOn() throws Exception {
        try (GroupCommit<Integer> commits = new GroupCommit<>("test-writer", 1, batch -> {
            if (batch.contains(13)) {
                throw new IllegalStateException("constraint violated by 13");
            }
        })) {
            CompletableFuture<Void> bad = commits.submit(13);
            CompletableFuture<Void> good = commits.submit(14);

            assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("constraint violated by 13");
            good.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeWritesWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
        List<Integer> written = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> commits = new GroupCommit<>("test-writer", 10, written::addAll);
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            queued.add(commits.submit(i));
        }
        commits.close();

        assertThat(written).hasSize(25);
        assertThat(queued).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(commits.submit(99)).isCompletedExceptionally();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
