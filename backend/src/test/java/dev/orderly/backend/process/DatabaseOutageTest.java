package dev.orderly.backend.process;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.OrderStream;
import dev.orderly.backend.support.Outcomes;
import dev.orderly.backend.support.PostgresServer;
import dev.orderly.backend.support.RunningBackend;
import dev.orderly.backend.support.TestDataDir;
import dev.orderly.backend.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped (as a crash would: {@code pg_ctl -m immediate}) for ten seconds under a stream of orders:
 * requests meanwhile get a clear 503 and change nothing; orders in flight wait for the database without spending
 * their retries; a staff change to the backend's memory (a fault, the mode) is refused too rather than made
 * unrecorded; once it is back, processing resumes and every accepted order ends processed exactly once.
 */
@Tag("postgresql")
class DatabaseOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final Path dir = TestDataDir.create("db-outage");

    @AfterEach
    void cleanUp() {
        TestDataDir.delete(dir);
    }

    @Test
    void postgresqlStoppedUnderLoadAnswers503ChangesNothingAndProcessingResumes() throws Exception {
        assertThat(TestDatabase.postgres()).as("runs in the PostgreSQL execution").isTrue();
        PostgresServer server = PostgresServer.shared();
        try (RunningBackend backend = RunningBackend.start(dir, "--orderly.gateway.latency-min=50ms",
            "--orderly.gateway.latency-max=200ms", "--orderly.processing.max-retries=1")) {
            ApiClient api = backend.api();
            OrderStream stream = OrderStream.start(api, 20);
            await().atMost(WAIT).until(() -> stream.accepted().size() >= 20);

            long payable = api.createOrder(ALICE);
            server.stopNow();
            try {
                // For as long as the database is down, every request is answered 503 with the reason.
                await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30)).until(() -> {
                    ApiClient.Answer answer = api.post(ALICE, "/api/orders",
                        "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1,\"unitPrice\":5.00}]}");
                    return answer.status() == 503 && answer.message().contains("database is not reachable");
                });
                // A payment for an order made before the outage: 503 with the sentence, never 500.
                ApiClient.Answer pay = api.pay(ALICE, payable, "4111111111111111", true);
                assertThat(pay.status()).as(pay.body().toString()).isEqualTo(503);
                assertThat(pay.message()).isNotBlank().doesNotContain("Something went wrong");
                // A staff change to the backend's memory cannot be recorded now: refused, and not made either.
                ApiClient.Answer arm = api.post(STAFF, "/api/admin/faults",
                    "{\"fault\":\"SLOW_CONSUMER\",\"times\":1}");
                assertThat(arm.status()).as(arm.body().toString()).isEqualTo(503);
                ApiClient.Answer mode = api.put(STAFF, "/api/admin/processing-mode", "{\"mode\":\"SYNCHRONOUS\"}");
                assertThat(mode.status()).as(mode.body().toString()).isEqualTo(503);
                assertThat(api.get(STAFF, "/api/admin/faults").data().toString()).doesNotContain("SLOW_CONSUMER");
                assertThat(api.get(STAFF, "/api/admin/processing-mode").data().asString()).isEqualTo("KAFKA");
            } finally {
                server.restart();
            }
            int acceptedBefore = stream.accepted().size();
            await().atMost(WAIT).until(() -> stream.accepted().size() >= acceptedBefore + 20);
            stream.close();

            // max-retries=1: had the outage spent retry budgets, orders in flight would have been dead-lettered.
            Outcomes.assertEveryAcceptedOrderProcessedOnce(api, stream.accepted(), WAIT);
        }
    }
}
