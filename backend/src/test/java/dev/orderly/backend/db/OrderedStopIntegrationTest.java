package dev.orderly.backend.db;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The order path's machinery (claim, acceptance-log and capture-mark writers, the order workers, the processing
 * commits) stops in its phases and starts again, as when Spring stops and starts a context (its test framework
 * does so to every cached context it pauses): an order then goes through as before.
 */
@IntegrationTest
class OrderedStopIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    List<OrderedStop> machinery;

    @Test
    void theMachineryStoppedAndStartedAgainCarriesAnOrderThroughAsBefore() {
        assertThat(machinery).extracting(part -> part.getClass().getSimpleName()).contains("ClaimInserts",
            "AcceptanceLog", "KeyedWorkers", "ProcessingCommits", "PaymentCapturer");
        List<OrderedStop> stopOrder = machinery.stream()
            .sorted(Comparator.comparingInt(OrderedStop::getPhase).reversed()).toList();
        assertThat(stopOrder.get(0).getClass().getSimpleName()).isEqualTo("KeyedWorkers");
        stopOrder.forEach(OrderedStop::stop);
        assertThat(machinery).noneMatch(OrderedStop::isRunning);
        for (int i = stopOrder.size() - 1; i >= 0; i--) {
            stopOrder.get(i).start();
        }
        assertThat(machinery).allMatch(OrderedStop::isRunning);

        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.order(ALICE, orderId).get("payment").get("state")
            .asString().equals("CAPTURED"));
    }
}
