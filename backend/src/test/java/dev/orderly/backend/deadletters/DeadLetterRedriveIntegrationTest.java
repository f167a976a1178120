package dev.orderly.backend.deadletters;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.processing.ProcessingAttemptRepository;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Staff see dead letters with their reason and origin, preview a redrive, and redrive an order to completion. */
@IntegrationTest
class DeadLetterRedriveIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    SimulatedPaymentGateway gateway;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ProcessingAttemptRepository attempts;

    @AfterEach
    void healGateway() {
        gateway.updateSettings(gateway.settings().withRates(0.0, 0.0));
    }

    private JsonNode deadLetterOf(ApiClient api, long orderId) {
        for (JsonNode record : api.get(STAFF, "/api/admin/dead-letters").data()) {
            if (record.path("orderId").asLong() == orderId) {
                return record;
            }
        }
        return null;
    }

    @Test
    void redrivesAnExhaustedOrderToCompletionAfterAPreview() {
        ApiClient api = new ApiClient(port);
        gateway.updateSettings(gateway.settings().withRates(1.0, 0.0));
        long orderId = api.createOrder(ALICE);
        api.pay(ALICE, orderId, "4111111111111111", true);
        await().atMost(WAIT).until(() -> attempts.countByOrderIdAndKind(orderId, TimelineKind.DEAD_LETTERED) == 1);
        gateway.updateSettings(gateway.settings().withRates(0.0, 0.0));

        await().atMost(WAIT).until(() -> deadLetterOf(api, orderId) != null);
        JsonNode dead = deadLetterOf(api, orderId);
        assertThat(dead.get("error").asString()).contains("gave up after 3 attempts");
        // The same by its code (the test client checks that its English is the error), for another language.
        assertThat(dead.get("note").get("code").asString()).isEqualTo("GAVE_UP");
        assertThat(dead.get("note").get("args").get("attempts").asString()).isEqualTo("3");
        assertThat(dead.get("originTopic").asString()).isEqualTo(KafkaTopics.RETRY);
        String refs = "{\"records\":[{\"partition\":" + dead.get("partition").asInt() + ",\"offset\":"
            + dead.get("offset").asLong() + "}]}";

        JsonNode preview = api.post(STAFF, "/api/admin/dead-letters/preview", refs).data().get(0);
        assertThat(preview.get("processable").asBoolean()).isTrue();
        assertThat(preview.get("redriven").asBoolean()).isFalse();
        assertThat(api.status(ALICE, orderId)).isEqualTo("PENDING_PAYMENT");

        JsonNode outcome = api.post(STAFF, "/api/admin/dead-letters/redrive", refs).data().get(0);
        assertThat(outcome.get("redriven").asBoolean()).isTrue();
        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));

        JsonNode after = api.post(STAFF, "/api/admin/dead-letters/preview", refs).data().get(0);
        assertThat(after.get("processable").asBoolean()).isFalse();
        assertThat(after.get("detail").asString()).contains("already processed");
    }

    @Test
    void previewSaysAnUnreadableRecordCannotBeRedriven() throws Exception {
        ApiClient api = new ApiClient(port);
        String garbage = "garbage-" + UUID.randomUUID();
        kafka.send(KafkaTopics.PROCESSING, "x", garbage).get(10, TimeUnit.SECONDS);
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            for (JsonNode record : api.get(STAFF, "/api/admin/dead-letters").data()) {
                if (record.get("valuePreview").asString().equals(garbage)) {
                    found[0] = record;
                    return true;
                }
            }
            return false;
        });
        assertThat(found[0].get("readable").asBoolean()).isFalse();
        String refs = "{\"records\":[{\"partition\":" + found[0].get("partition").asInt() + ",\"offset\":"
            + found[0].get("offset").asLong() + "}]}";
        JsonNode outcome = api.post(STAFF, "/api/admin/dead-letters/redrive", refs).data().get(0);
        assertThat(outcome.get("redriven").asBoolean()).isFalse();
        assertThat(outcome.get("detail").asString()).contains("unreadable");
    }

    @Test
    void rejectsBadRedriveRequestsAndCustomers() {
        ApiClient api = new ApiClient(port);
        assertThat(api.post(STAFF, "/api/admin/dead-letters/redrive", "{\"records\":[]}").status()).isEqualTo(400);
        assertThat(api.post(STAFF, "/api/admin/dead-letters/preview",
            "{\"records\":[{\"partition\":0,\"offset\":-1}]}").message()).contains("offset must be 0 or more");
        assertThat(api.get(ALICE, "/api/admin/dead-letters").status()).isEqualTo(403);
    }

    @Test
    void gatewaySettingsAreValidatedAndApplied() {
        ApiClient api = new ApiClient(port);
        assertThat(api.post(STAFF, "/api/admin/gateway", "{}").status()).isEqualTo(405);
        ApiClient.Answer bad = api.put(STAFF, "/api/admin/gateway",
            "{\"latencyMinMs\":0,\"latencyMaxMs\":0,\"errorRate\":1.5,\"timeoutRate\":0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).contains("errorRate must be between 0 and 1");
        ApiClient.Answer ok = api.put(STAFF, "/api/admin/gateway",
            "{\"latencyMinMs\":0,\"latencyMaxMs\":5,\"errorRate\":0.25,\"timeoutRate\":0}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(gateway.settings().errorRate()).isEqualTo(0.25);
        assertThat(api.put(ALICE, "/api/admin/gateway", "{}").status()).isEqualTo(403);
    }

    @Test
    void countsEveryStatusAndTellsWhoIsSignedIn() {
        ApiClient api = new ApiClient(port);
        api.createOrder(ALICE);
        JsonNode counts = api.get(STAFF, "/api/orders/counts").data();
        assertThat(counts.propertyNames()).hasSize(11);
        assertThat(counts.get("PENDING_PAYMENT").asLong()).isPositive();
        assertThat(api.get(STAFF, "/api/me").data().get("role").asString()).isEqualTo("STAFF");
        assertThat(api.get(ALICE, "/api/me").data().get("role").asString()).isEqualTo("CUSTOMER");
    }

    @Test
    void pipelineSnapshotCarriesTotalsAndBusinessLag() {
        ApiClient api = new ApiClient(port);
        api.createOrder(ALICE);
        await().atMost(WAIT).until(() -> api.get(STAFF, "/api/pipeline/lag").data().get("pendingPayment").asLong()
            > 0);
        JsonNode lag = api.get(STAFF, "/api/pipeline/lag").data();
        assertThat(lag.get("partitions").size()).isEqualTo(6);
        assertThat(lag.get("oldestPending").isNull()).isFalse();
    }
}
