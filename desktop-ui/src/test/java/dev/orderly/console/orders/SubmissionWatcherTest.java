package dev.orderly.console.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmissionWatcherTest {

    private final RecordingClient client = new RecordingClient();
    private final List<SubmissionWatcher.Outcome> reported = new CopyOnWriteArrayList<>();
    private final SubmissionWatcher watcher = new SubmissionWatcher(client, new DirectTaskRunner(), reported::add);

    @AfterEach
    void close() {
        watcher.close();
    }

    private void push(long orderId, OrderStatus from, OrderStatus to) {
        OrderStatusChanged change = new OrderStatusChanged(orderId, "alice@example.com", from, to, Instant.now(),
            "test", BigDecimal.TEN);
        client.statusListeners.forEach(listener -> listener.accept(change));
    }

    @Test
    void reportsAWatchedOrderOnceFromTheLiveFeedWithoutAskingTheBackend() {
        Runnable unsubscribe = watcher.listen();
        watcher.watch(7);

        push(7, OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_COMPLETED);
        push(7, OrderStatus.PAYMENT_COMPLETED, OrderStatus.IN_WAREHOUSE);
        assertThat(reported).isEmpty();
        push(7, OrderStatus.IN_WAREHOUSE, OrderStatus.COMPLETED);
        push(7, OrderStatus.COMPLETED, OrderStatus.REFUND_REQUESTED);

        assertThat(reported).singleElement().satisfies(outcome -> {
            assertThat(outcome.orderId()).isEqualTo(7);
            assertThat(outcome.success()).isTrue();
            assertThat(outcome.text()).startsWith("Order #7 is COMPLETED");
        });
        assertThat(client.calls).noneMatch(call -> call.startsWith("order "));
        assertThat(watcher.watching()).isZero();
        unsubscribe.run();
        assertThat(client.statusListeners).isEmpty();
    }

    @Test
    void ignoresOrdersItDoesNotWatchAndReportsACancellationAsAFailure() {
        watcher.listen();
        watcher.watch(8);

        push(9, OrderStatus.PAYMENT_COMPLETED, OrderStatus.PREPARING);
        push(8, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED);

        assertThat(reported).extracting(SubmissionWatcher.Outcome::orderId).containsExactly(8L);
        assertThat(reported.get(0).success()).isFalse();
    }
}
