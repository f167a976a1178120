package dev.orderly.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A late, older change of an order never reaches a screen after a newer one. */
class InOrderTest {

    private final List<OrderStatusChanged> shown = new ArrayList<>();
    private final InOrder inOrder = new InOrder(shown::add);

    private static OrderStatusChanged change(long order, OrderStatus to, long version) {
        return new OrderStatusChanged(order, "alice@example.com", null, to, Instant.now(), "", BigDecimal.ONE,
            version);
    }

    @Test
    void anOlderChangeAfterANewerOneIsDropped() {
        inOrder.accept(change(1, OrderStatus.PENDING_PAYMENT, 2));
        inOrder.accept(change(1, OrderStatus.IN_WAREHOUSE, 4));
        inOrder.accept(change(1, OrderStatus.PAYMENT_COMPLETED, 3));
        inOrder.accept(change(1, OrderStatus.IN_WAREHOUSE, 4));
        inOrder.accept(change(2, OrderStatus.CREATED, 1));
        inOrder.accept(change(1, OrderStatus.COMPLETED, 5));
        assertThat(shown).extracting(OrderStatusChanged::to).containsExactly(OrderStatus.PENDING_PAYMENT,
            OrderStatus.IN_WAREHOUSE, OrderStatus.CREATED, OrderStatus.COMPLETED);
    }

    @Test
    void unnumberedChangesFromAnOlderBackendPassAsTheyCome() {
        inOrder.accept(change(1, OrderStatus.IN_WAREHOUSE, 0));
        inOrder.accept(change(1, OrderStatus.PAYMENT_COMPLETED, 0));
        assertThat(shown).hasSize(2);
    }
}
