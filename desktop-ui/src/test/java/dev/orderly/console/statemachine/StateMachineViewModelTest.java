package dev.orderly.console.statemachine;

import static java.math.BigDecimal.TEN;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.OrderView;
import dev.orderly.model.TimelineEntry;
import dev.orderly.model.TimelineEntry.TimelineKind;
import dev.orderly.model.UserView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateMachineViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final StateMachineViewModel vm = new StateMachineViewModel(client, new DirectTaskRunner(),
        new UserView("staff@example.com", "STAFF"));

    @Test
    void countsFollowCommittedTransitionsAndAnimateTheirEdges() {
        client.counts.put(OrderStatus.PENDING_PAYMENT, 5L);
        vm.loadCounts();
        List<DiagramLayout.Edge> animated = new ArrayList<>();
        vm.onTransitions(animated::addAll);

        vm.offer(new OrderStatusChanged(1, "a@b", OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_COMPLETED,
            Instant.now(), "paid", TEN));
        vm.offer(new OrderStatusChanged(2, "a@b", null, OrderStatus.CREATED, Instant.now(), "new", TEN));

        assertThat(vm.countProperty(OrderStatus.PENDING_PAYMENT).get()).isEqualTo(4);
        assertThat(vm.countProperty(OrderStatus.PAYMENT_COMPLETED).get()).isEqualTo(1);
        assertThat(vm.countProperty(OrderStatus.CREATED).get()).isEqualTo(1);
        assertThat(animated).containsExactly(new DiagramLayout.Edge(OrderStatus.PENDING_PAYMENT,
            OrderStatus.PAYMENT_COMPLETED));
    }

    @Test
    void aChangeDeliveredTwiceCountsOnce() {
        Instant at = Instant.now();
        OrderStatusChanged paid = new OrderStatusChanged(1, "a@b", OrderStatus.PENDING_PAYMENT,
            OrderStatus.PAYMENT_COMPLETED, at, "paid", TEN);
        client.counts.put(OrderStatus.PENDING_PAYMENT, 1L);
        vm.loadCounts();
        vm.offer(paid);
        vm.offer(paid);
        assertThat(vm.countProperty(OrderStatus.PAYMENT_COMPLETED).get()).isEqualTo(1);
        assertThat(vm.countProperty(OrderStatus.PENDING_PAYMENT).get()).isZero();
    }

    /** Two changes of one commit may carry the same instant: both count (the diagram's counts drifted here). */
    @Test
    void twoChangesOfOneOrderAtTheSameInstantBothCount() {
        Instant at = Instant.now();
        client.counts.put(OrderStatus.PENDING_PAYMENT, 1L);
        vm.loadCounts();
        vm.offer(new OrderStatusChanged(1, "a@b", OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_COMPLETED, at,
            "paid", TEN));
        vm.offer(new OrderStatusChanged(1, "a@b", OrderStatus.PAYMENT_COMPLETED, OrderStatus.IN_WAREHOUSE, at,
            "stored", TEN));
        vm.offer(new OrderStatusChanged(1, "a@b", OrderStatus.IN_WAREHOUSE, OrderStatus.COMPLETED, at, "done",
            TEN));
        assertThat(vm.countProperty(OrderStatus.PENDING_PAYMENT).get()).isZero();
        assertThat(vm.countProperty(OrderStatus.PAYMENT_COMPLETED).get()).isZero();
        assertThat(vm.countProperty(OrderStatus.IN_WAREHOUSE).get()).isZero();
        assertThat(vm.countProperty(OrderStatus.COMPLETED).get()).isEqualTo(1);
    }

    @Test
    void highlightsTheSelectedOrdersPathAndFollowsIt() {
        List<TimelineEntry> timeline = List.of(
            change(null, OrderStatus.CREATED), change(OrderStatus.CREATED, OrderStatus.PENDING_PAYMENT));
        vm.show(new OrderView(7, "a@b", OrderStatus.PENDING_PAYMENT, "", 10, true, BigDecimal.ONE, List.of(), null,
            null, false, Instant.now(), Instant.now(), timeline));
        assertThat(vm.path()).containsExactly(OrderStatus.CREATED, OrderStatus.PENDING_PAYMENT);

        vm.offer(new OrderStatusChanged(7, "a@b", OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_COMPLETED,
            Instant.now(), "paid", TEN));
        assertThat(vm.currentProperty().get()).isEqualTo(OrderStatus.PAYMENT_COMPLETED);
        assertThat(vm.path()).endsWith(OrderStatus.PAYMENT_COMPLETED);
    }

    private static TimelineEntry change(OrderStatus from, OrderStatus to) {
        return new TimelineEntry(Instant.now(), TimelineKind.STATUS_CHANGE, from, to, "", null, null, null, null,
            null);
    }
}
