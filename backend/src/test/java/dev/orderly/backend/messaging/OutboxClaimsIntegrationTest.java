package dev.orderly.backend.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two relays (as two backends would run) claim disjoint outbox rows: while one holds its claim, the other skips
 * those rows and takes the next ones, so a status change is not published by two relays at the same time.
 * PostgreSQL only: several backends share a PostgreSQL database, while an H2 file belongs to one backend (whose
 * single relay never meets a claim; H2 also applies the row limit before skipping locked rows). The context's own
 * relay polls once an hour, its first poll too, so it never takes these rows (CI once saw it claim them first).
 */
@IntegrationTest
@Tag("postgresql")
@TestPropertySource(properties = "orderly.outbox.poll-interval=1h")
class OutboxClaimsIntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSecondRelaySkipsTheRowsTheFirstHoldsAndTakesTheNextOnes() throws Exception {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 20; i++) {
                outbox.append(new OrderStatusChanged(1_000_000 + i, "alice@example.com", OrderStatus.CREATED,
                    OrderStatus.PENDING_PAYMENT, Instant.now(), "claim test", BigDecimal.TEN));
            }
        });
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Set<Long>> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            Set<Long> ids = ids(repository.claimUnpublished(10));
            claimed.countDown();
            await(release);
            return ids;
        }));
        assertThat(claimed.await(20, TimeUnit.SECONDS)).isTrue();

        Set<Long> second = transactions.execute(status ->
            ids(repository.claimUnpublished(10)));
        release.countDown();
        Set<Long> firstIds = first.get(20, TimeUnit.SECONDS);

        assertThat(firstIds).hasSize(10);
        assertThat(second).hasSize(10).doesNotContainAnyElementsOf(firstIds);
        // Once the first claim ended (unpublished), its rows are there to claim again: nothing is lost.
        Set<Long> again = transactions.execute(status ->
            ids(repository.claimUnpublished(20)));
        assertThat(again).containsAll(firstIds).containsAll(second);
    }

    private static Set<Long> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::getId).collect(Collectors.toSet());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
