package dev.orderly.backend.support;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The promise the fault tests check after every crash: each order that got a 202 was processed exactly once. */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * Waits until every accepted order is COMPLETED, then checks that each has exactly one successful attempt and
     * that the invariant checker (asked through {@code api}) says ok with exactly one capture per payment.
     */
    public static void assertEveryAcceptedOrderProcessedOnce(ApiClient api, List<Long> accepted, Duration wait) {
        await().atMost(wait).untilAsserted(() -> {
            for (long order : accepted) {
                assertThat(api.status(ALICE, order)).as("order %d got a 202", order).isEqualTo("COMPLETED");
            }
        });
        for (long order : accepted) {
            JsonNode view = api.order(ALICE, order);
            long succeeded = 0;
            for (JsonNode entry : view.get("timeline")) {
                if (entry.get("kind").asString().equals("ATTEMPT_SUCCEEDED")) {
                    succeeded++;
                }
            }
            assertThat(succeeded).as("successful attempts of order %d", order).isEqualTo(1);
        }
        await().atMost(wait).untilAsserted(() -> {
            JsonNode report = api.get(STAFF, "/api/admin/invariants").data();
            assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
            JsonNode counts = report.get("counts");
            // Orders paid for while a backend went down may complete too; each completed order has exactly one
            // capture, and every accepted one is among them.
            assertThat(counts.get("captured").asLong()).isEqualTo(counts.get("payments").asLong())
                .isGreaterThanOrEqualTo(accepted.size());
        });
    }
}
