package dev.orderly.backend.faults;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.BackendJar;
import dev.orderly.backend.support.TestDataDir;
import dev.orderly.model.InjectableFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The backend as a separate process in its default shape (its jar, embedded broker, H2 file) dies at a chosen point
 * while processing an accepted order: the process halts at once, no shutdown hooks, as under {@code kill -9}. After a
 * restart on the same data directory the order is processed exactly once, charged once, and the checker says ok.
 */
class CrashRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int CONNECTION_LOST = -1;

    private final Path dir = TestDataDir.create("crash");
    private final BackendJar backend = BackendJar.on(dir, "--orderly.kafka.embedded.port=0",
        "--orderly.gateway.preset=instant");

    @AfterEach
    void stop() {
        backend.close();
        TestDataDir.delete(dir);
    }

    /**
     * A clean stop (SIGTERM) logs no error: the H2 files are closed by the application after its last connection,
     * not by H2's own shutdown hook while Spring still releases them (it logged "Database is already closed").
     */
    @Test
    void aCleanStopLogsNoError() throws Exception {
        ApiClient api = backend.start();
        long orderId = api.createOrder(ALICE);
        api.pay(ALICE, orderId, "4111111111111111", true);
        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
        backend.close();
        assertThat(backend.isAlive()).isFalse();
        String log = Files.readString(dir.resolve("backend.log"));
        assertThat(log).contains("Started OrderlyBackendApplication");
        assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.contains("already closed")))
            .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = InjectableFault.class, names = {"CRASH_DURING_PAYMENT", "CRASH_AFTER_COMMIT",
        "CRASH_AFTER_RETRY_SENT"})
    void anAcceptedOrderSurvivesACrashAndIsProcessedAndChargedExactlyOnce(InjectableFault crash) throws Exception {
        ApiClient api = backend.start();
        long warmUp = api.createOrder(ALICE);
        api.pay(ALICE, warmUp, "4111111111111111", true);
        await().atMost(WAIT).until(() -> api.status(ALICE, warmUp).equals("COMPLETED"));

        assertThat(api.post(STAFF, "/api/admin/faults", "{\"fault\":\"" + crash + "\",\"times\":1}").status())
            .isEqualTo(200);
        if (crash == InjectableFault.CRASH_AFTER_RETRY_SENT) {
            api.post(STAFF, "/api/admin/faults", "{\"fault\":\"SHIPMENT_FAILS\",\"times\":1}");
        }
        long orderId = api.createOrder(ALICE);
        assertThat(payAnswer(api, orderId)).as("the payment request's answer").isIn(202, CONNECTION_LOST);
        assertThat(backend.awaitExit(Duration.ofSeconds(60))).as("exit code after the crash at " + crash)
            .isEqualTo(137);

        ApiClient restarted = backend.start();
        await().atMost(WAIT).until(() -> restarted.status(ALICE, orderId).equals("COMPLETED"));
        List<String> kinds = new ArrayList<>();
        for (JsonNode entry : restarted.order(ALICE, orderId).get("timeline")) {
            kinds.add(entry.get("kind").asString());
        }
        assertThat(kinds.stream().filter("ATTEMPT_SUCCEEDED"::equals)).hasSize(1);
        assertThat(kinds.stream().filter(k -> k.equals("STATUS_CHANGE"))).hasSize(5);
        await().atMost(WAIT).until(() -> restarted.order(ALICE, orderId).get("payment").get("state").asString()
            .equals("CAPTURED"));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode report = restarted.get(STAFF, "/api/admin/invariants").data();
            assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("counts").get("payments").asLong()).isEqualTo(2);
            assertThat(report.get("counts").get("captured").asLong()).isEqualTo(2);
        });
    }

    /**
     * The 202 is written after the event is on the broker, so with an instant gateway the consumer can reach the crash
     * point and halt the process before the answer leaves it. The client then sees the connection drop; the event is
     * durable all the same (the consumer read it), which is what the rest of the test checks.
     */
    private static int payAnswer(ApiClient api, long orderId) {
        try {
            return api.pay(ALICE, orderId, "4111111111111111", true).status();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException) {
                return CONNECTION_LOST;
            }
            throw e;
        }
    }
}
