package dev.orderly.backend.intake;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.RunningBackend;
import dev.orderly.backend.support.TestDataDir;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With no broker to take the event, the API answers 503 and the order stays as it was. */
class BrokerUnavailableTest {

    private final Path dir = TestDataDir.create("no-broker");

    @AfterEach
    void cleanUp() {
        TestDataDir.delete(dir);
    }

    @Test
    void answers503AndChangesNothingWhenTheBrokerIsUnreachable() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            deadPort = socket.getLocalPort();
        }
        try (RunningBackend backend = RunningBackend.start(dir,
            "--orderly.kafka.mode=external",
            "--spring.kafka.bootstrap-servers=127.0.0.1:" + deadPort,
            "--spring.kafka.admin.operation-timeout=2s",
            "--spring.kafka.admin.properties.request.timeout.ms=1000",
            "--spring.kafka.admin.properties.default.api.timeout.ms=2000",
            "--spring.kafka.producer.properties.max.block.ms=2000",
            "--orderly.processing.send-timeout=3s")) {
            ApiClient api = backend.api();
            long orderId = api.createOrder(ALICE);

            ApiClient.Answer answer = api.pay(ALICE, orderId, "4111111111111111", true);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body().get("success").asBoolean()).isFalse();
            assertThat(answer.message()).contains("not reachable").contains("stays PENDING_PAYMENT")
                .contains("never charged twice");
            assertThat(api.status(ALICE, orderId)).isEqualTo("PENDING_PAYMENT");
            assertThat(api.order(ALICE, orderId).get("timeline").toString()).doesNotContain("ACCEPTED");
            // A staged outage needs the embedded broker.
            ApiClient.Answer outage = api.post(ApiClient.STAFF, "/api/admin/faults/broker-outage",
                "{\"seconds\":5}");
            assertThat(outage.status()).isEqualTo(409);
            assertThat(outage.message()).contains("external Kafka cluster");
        }
    }
}
