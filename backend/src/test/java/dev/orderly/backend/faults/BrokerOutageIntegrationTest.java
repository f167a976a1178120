package dev.orderly.backend.faults;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.invariants.InvariantChecker;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.RunningBackend;
import dev.orderly.backend.support.TestDataDir;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trainer's broker outage in embedded mode: 503 while it lasts, nothing lost, everything flows afterwards. */
class BrokerOutageIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final Path dir = TestDataDir.create("outage");

    @AfterEach
    void cleanUp() {
        TestDataDir.delete(dir);
    }

    @Test
    void aStagedBrokerOutageRefusesPaymentsWhileItLastsAndLosesNothing() {
        try (RunningBackend backend = RunningBackend.start(dir, "--spring.kafka.producer.properties.max.block.ms=1500",
            "--spring.kafka.producer.properties.request.timeout.ms=1000",
            "--spring.kafka.producer.properties.delivery.timeout.ms=2500", "--orderly.processing.send-timeout=4s")) {
            ApiClient api = backend.api();
            long before = api.createOrder(ALICE);
            assertThat(api.pay(ALICE, before, "4111111111111111", true).status()).isEqualTo(202);
            await().atMost(WAIT).until(() -> api.status(ALICE, before).equals("COMPLETED"));

            assertThat(api.post(ALICE, "/api/admin/faults/broker-outage", "{\"seconds\":8}").status())
                .isEqualTo(403);
            assertThat(api.post(STAFF, "/api/admin/faults/broker-outage", "{\"seconds\":0}").status())
                .isEqualTo(400);
            assertThat(api.post(STAFF, "/api/admin/faults/broker-outage", "{\"seconds\":8}").status())
                .isEqualTo(200);
            assertThat(api.post(STAFF, "/api/admin/faults/broker-outage", "{\"seconds\":8}").status())
                .as("a second outage while one is under way").isEqualTo(409);

            long during = api.createOrder(ALICE);
            ApiClient.Answer refused = api.pay(ALICE, during, "4111111111111111", true);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(api.status(ALICE, during)).isEqualTo("PENDING_PAYMENT");

            // Once the broker is back, payments are accepted again and processed.
            await().atMost(WAIT).until(() -> api.pay(ALICE, during, "4111111111111111", true).status() == 202);
            await().atMost(WAIT).until(() -> api.status(ALICE, during).equals("COMPLETED"));
            long after = api.createOrder(ALICE);
            assertThat(api.pay(ALICE, after, "4111111111111111", true).status()).isEqualTo(202);
            await().atMost(WAIT).until(() -> api.status(ALICE, after).equals("COMPLETED"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(backend.bean(InvariantChecker.class).check().ok())
                .isTrue());
        }
    }
}
