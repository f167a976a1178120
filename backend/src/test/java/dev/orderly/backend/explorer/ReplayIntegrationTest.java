package dev.orderly.backend.explorer;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.ApiClient.Answer;
import dev.orderly.backend.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The trainer's replay, through the REST API a console uses: orders processed, the consumers stopped, the
 * processing group rewound to before them, the consumers started. Every replayed event is skipped as a duplicate,
 * nothing is charged twice and the invariant checker stays green. A backend of its own: a replay touches every
 * order on the topic.
 */
@IntegrationTest
@TestPropertySource(properties = "orderly.instance-name=replay-test")
class ReplayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    SimulatedPaymentGateway gateway;

    @Test
    void replayingTheLastMinutesSkipsEveryDuplicateAndChargesNothingTwice() {
        ApiClient api = new ApiClient(port);
        Instant before = Instant.now().minusSeconds(1);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long orderId = api.createOrder(ALICE);
            assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);
            orders.add(orderId);
        }
        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> api.status(ALICE, o).equals("COMPLETED")));
        int charges = gateway.ledger().size();

        String body = "{\"topic\":\"" + KafkaTopics.PROCESSING + "\",\"to\":\"TIMESTAMP\",\"timestamp\":\"" + before
            + "\"}";
        String reset = "/api/admin/kafka/groups/" + KafkaTopics.PROCESSING_GROUP + "/offsets/reset";
        assertThat(api.post(STAFF, reset, body).status()).as("refused while the consumers run").isEqualTo(409);
        assertThat(api.put(STAFF, "/api/admin/consumers", "{\"running\":false}").status()).isEqualTo(200);
        JsonPlan plan = new JsonPlan(api.post(STAFF, "/api/admin/kafka/groups/" + KafkaTopics.PROCESSING_GROUP
            + "/offsets/preview", body));
        assertThat(plan.replayed()).as("the preview's records to read again").isGreaterThanOrEqualTo(orders.size());
        await().atMost(WAIT).until(() -> api.post(STAFF, reset, body).status() == 200);
        assertThat(api.put(STAFF, "/api/admin/consumers", "{\"running\":true}").status()).isEqualTo(200);

        for (long orderId : orders) {
            await().atMost(WAIT).until(() -> api.order(STAFF, orderId).get("timeline").toString()
                .contains("DUPLICATE_SKIPPED"));
            assertThat(api.status(ALICE, orderId)).isEqualTo("COMPLETED");
        }
        assertThat(gateway.ledger()).hasSize(charges);
        Answer invariants = api.get(STAFF, "/api/admin/invariants");
        assertThat(invariants.data().get("ok").asBoolean()).as(invariants.body().toString()).isTrue();
    }

    /** The records a previewed reset would have the group read again. */
    private record JsonPlan(Answer answer) {
        long replayed() {
            assertThat(answer.status()).as(answer.message()).isEqualTo(200);
            long[] sum = {0};
            answer.data().get("partitions").forEach(p -> sum[0] += p.get("lagAfter").asLong());
            return sum[0];
        }
    }
}
