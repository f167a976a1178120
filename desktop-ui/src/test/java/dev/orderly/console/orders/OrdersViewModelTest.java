package dev.orderly.console.orders;

import static java.math.BigDecimal.TEN;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.OrderSummary;
import dev.orderly.model.UserView;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrdersViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final Instant t0 = Instant.parse("2026-11-24T05:00:00Z");

    private OrdersViewModel staffView() {
        return new OrdersViewModel(client, new DirectTaskRunner(), new UserView("staff@example.com", "STAFF"));
    }

    private void seed(int count) {
        for (long id = count; id >= 1; id--) {
            client.orders.add(new OrderSummary(id, id % 2 == 0 ? "alice@example.com" : "bob@example.com",
                OrderStatus.PENDING_PAYMENT, 10, BigDecimal.TEN, t0, t0));
        }
    }

    @Test
    void loadsEveryPage() {
        seed(1_234);
        OrdersViewModel vm = staffView();
        vm.load();
        assertThat(vm.allRows()).hasSize(1_234);
        assertThat(client.calls).containsExactly("orders 0", "orders 1", "orders 2");
        assertThat(vm.messageProperty().get()).isEqualTo("1234 orders");
    }

    @Test
    void exportsTheOrdersShownAsCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        seed(4);
        OrdersViewModel vm = staffView();
        vm.load();
        vm.searchProperty().set("alice");
        java.nio.file.Path file = dir.resolve("orders.csv");
        vm.exportCsv(file);
        assertThat(vm.messageProperty().get()).isEqualTo("Exported 2 orders to " + file);
        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("orderId,user,status,total,updatedAt");
        assertThat(lines.subList(1, lines.size())).hasSize(2)
            .allMatch(l -> l.contains(",alice@example.com,PENDING_PAYMENT,10,2026-11-24T05:00:00Z"));
    }

    @Test
    void appliesStatusEventsInPlaceAndAddsNewOrders() {
        seed(3);
        OrdersViewModel vm = staffView();
        vm.load();
        vm.offer(new OrderStatusChanged(2, "alice@example.com", OrderStatus.PENDING_PAYMENT,
            OrderStatus.PAYMENT_COMPLETED, t0.plusSeconds(1), "paid", TEN));
        vm.offer(new OrderStatusChanged(9, "alice@example.com", null, OrderStatus.CREATED, t0.plusSeconds(2), "new",
            TEN));

        assertThat(vm.row(2).statusProperty().get()).isEqualTo(OrderStatus.PAYMENT_COMPLETED);
        assertThat(vm.row(2).progressProperty().get()).isEqualTo(0.4);
        assertThat(vm.allRows()).hasSize(4);
        assertThat(vm.allRows().get(0).orderId()).isEqualTo(9);
        // The count in the header and status bar follows rows added by live events.
        assertThat(vm.messageProperty().get()).isEqualTo("4 orders");
    }

    @Test
    void theCountFollowsLiveOrdersFromAnEmptyStart() {
        OrdersViewModel vm = staffView();
        vm.load();
        assertThat(vm.messageProperty().get()).isEqualTo("0 orders");
        for (long id = 1; id <= 3; id++) {
            vm.offer(new OrderStatusChanged(id, "alice@example.com", null, OrderStatus.CREATED, t0.plusSeconds(id),
                "new", TEN));
        }
        assertThat(vm.messageProperty().get()).isEqualTo("3 orders");
    }

    @Test
    void ignoresAStaleEventArrivingAfterANewerOne() {
        seed(1);
        OrdersViewModel vm = staffView();
        vm.load();
        vm.offer(new OrderStatusChanged(1, "bob@example.com", OrderStatus.PAYMENT_COMPLETED, OrderStatus.COMPLETED,
            t0.plusSeconds(5), "done", TEN));
        vm.offer(new OrderStatusChanged(1, "bob@example.com", OrderStatus.PENDING_PAYMENT,
            OrderStatus.PAYMENT_COMPLETED, t0.plusSeconds(4), "late", TEN));
        assertThat(vm.row(1).statusProperty().get()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void customersSeeOnlyTheirOwnEvents() {
        OrdersViewModel vm = new OrdersViewModel(client, new DirectTaskRunner(),
            new UserView("alice@example.com", "CUSTOMER"));
        vm.offer(new OrderStatusChanged(5, "bob@example.com", null, OrderStatus.CREATED, t0, "new", TEN));
        vm.offer(new OrderStatusChanged(6, "alice@example.com", null, OrderStatus.CREATED, t0, "new", TEN));
        assertThat(vm.allRows()).extracting(OrderRow::orderId).containsExactly(6L);
    }

    @Test
    void filtersByStatusAndSearchesByIdOrEmail() {
        seed(6);
        OrdersViewModel vm = staffView();
        vm.load();
        vm.offer(new OrderStatusChanged(3, "bob@example.com", OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED,
            t0.plusSeconds(1), "x", TEN));
        vm.statusFilterProperty().set(OrderStatus.CANCELLED);
        assertThat(vm.visibleRows()).extracting(OrderRow::orderId).containsExactly(3L);
        vm.statusFilterProperty().set(null);
        vm.searchProperty().set("alice");
        assertThat(vm.visibleRows()).extracting(OrderRow::orderId).containsExactlyInAnyOrder(2L, 4L, 6L);
        vm.searchProperty().set("#5");
        assertThat(vm.visibleRows()).extracting(OrderRow::orderId).containsExactly(5L);
    }
}
