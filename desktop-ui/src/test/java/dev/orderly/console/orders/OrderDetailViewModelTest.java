package dev.orderly.console.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.orders.OrderDetailViewModel.Action;
import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderView;
import dev.orderly.model.UserView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderDetailViewModelTest {

    private final RecordingClient client = new RecordingClient();

    private static OrderView order(long id, OrderStatus status) {
        return new OrderView(id, "alice@example.com", status, status.getDescription(),
            status.getProgressPercentage(), status.isCancellable(), BigDecimal.TEN, List.of(), null, null, false,
            Instant.now(), Instant.now(), List.of());
    }

    @Test
    void staffAreOfferedExactlyTheLegalHandMovesOfTheState() {
        client.views.put(1L, order(1, OrderStatus.IN_WAREHOUSE));
        OrderDetailViewModel vm = new OrderDetailViewModel(client, new DirectTaskRunner(),
            new UserView("staff@example.com", "STAFF"));
        vm.select(1);
        assertThat(vm.staffMoves()).containsExactly(OrderStatus.SHIPMENT_STARTED, OrderStatus.COMPLETED);
        assertThat(vm.actions()).containsExactly(Action.REQUEST_REFUND);

        vm.move(OrderStatus.SHIPMENT_STARTED);
        assertThat(client.calls).contains("transition 1 SHIPMENT_STARTED");
    }

    @Test
    void customersGetNoStaffMovesButMayCancelWhileUnpaid() {
        client.views.put(2L, order(2, OrderStatus.PENDING_PAYMENT));
        OrderDetailViewModel vm = new OrderDetailViewModel(client, new DirectTaskRunner(),
            new UserView("alice@example.com", "CUSTOMER"));
        vm.select(2);
        assertThat(vm.staffMoves()).isEmpty();
        assertThat(vm.actions()).containsExactly(Action.CANCEL);
        vm.perform(Action.CANCEL);
        assertThat(client.calls).contains("cancel 2");
    }

    @Test
    void onlyStaffCompleteRefunds() {
        client.views.put(3L, order(3, OrderStatus.REFUND_REQUESTED));
        OrderDetailViewModel customer = new OrderDetailViewModel(client, new DirectTaskRunner(),
            new UserView("alice@example.com", "CUSTOMER"));
        customer.select(3);
        assertThat(customer.actions()).isEmpty();
        OrderDetailViewModel staff = new OrderDetailViewModel(client, new DirectTaskRunner(),
            new UserView("staff@example.com", "STAFF"));
        staff.select(3);
        assertThat(staff.actions()).containsExactly(Action.COMPLETE_REFUND);
    }

    @Test
    void aRefusedMoveIsShownNotSwallowed() {
        client.views.put(4L, order(4, OrderStatus.PREPARING));
        OrderDetailViewModel vm = new OrderDetailViewModel(client, new DirectTaskRunner(),
            new UserView("staff@example.com", "STAFF"));
        vm.select(4);
        client.failNext = new dev.orderly.api.ApiCallException(409, "Order 4 is COMPLETED", null);
        vm.move(OrderStatus.SHIPMENT_STARTED);
        assertThat(vm.messageProperty().get()).contains("Order 4 is COMPLETED");
    }
}
