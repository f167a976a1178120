package dev.orderly.backend.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims written in shared batches stay exclusive: many requests at once, several for the same order and some for
 * orders claimed before, each learn exactly whether their own claim was made, and the table holds the winners.
 */
@IntegrationTest
class ClaimInsertsIntegrationTest {

    /** Order ids of no real order (payment_claims has no foreign key), so nothing else here sees them. */
    private static final long FIRST = -9_000_000L;
    private static final int ORDERS = 60;
    private static final int REQUESTS_PER_ORDER = 3;

    @Autowired
    ClaimInserts inserts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeClaims() {
        jdbc.update("DELETE FROM payment_claims WHERE order_id <= ? AND order_id > ?", FIRST, FIRST - ORDERS);
    }

    @Test
    void concurrentClaimsInSharedBatchesAreMadeOncePerOrder() throws Exception {
        // Every fifth order was claimed before (another backend, an earlier request).
        for (int i = 0; i < ORDERS; i += 5) {
            jdbc.update("INSERT INTO payment_claims (order_id, event_id, claimed_at) VALUES (?, ?, ?)", FIRST - i,
                "earlier", Timestamp.from(Instant.now()));
        }
        ExecutorService clients = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        Map<Long, List<String>> made = new ConcurrentHashMap<>();
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int r = 0; r < REQUESTS_PER_ORDER; r++) {
            for (int i = 0; i < ORDERS; i++) {
                long orderId = FIRST - i;
                String eventId = "event-" + i + "-" + r;
                requests.add(() -> {
                    start.await();
                    boolean claimed = inserts.insert(orderId, eventId, Instant.now());
                    if (claimed) {
                        made.computeIfAbsent(orderId, id -> new ArrayList<>()).add(eventId);
                    }
                    return claimed;
                });
            }
        }
        try {
            List<Future<Boolean>> answers = requests.stream().map(clients::submit).toList();
            start.countDown();
            for (Future<Boolean> answer : answers) {
                answer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        for (int i = 0; i < ORDERS; i++) {
            long orderId = FIRST - i;
            String holder = jdbc.queryForObject("SELECT event_id FROM payment_claims WHERE order_id = ?",
                String.class, orderId);
            if (i % 5 == 0) {
                assertThat(made).as("order %d was claimed before", orderId).doesNotContainKey(orderId);
                assertThat(holder).isEqualTo("earlier");
            } else {
                assertThat(made.get(orderId)).as("claims made for order %d", orderId).hasSize(1);
                assertThat(holder).isEqualTo(made.get(orderId).get(0));
            }
        }
    }
}
