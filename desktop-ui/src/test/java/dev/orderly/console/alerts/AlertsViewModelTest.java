package dev.orderly.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.alerts.Watch.CheckerWatch;
import dev.orderly.console.alerts.Watch.CustomerWatch;
import dev.orderly.console.alerts.Watch.DeadLetterWatch;
import dev.orderly.console.alerts.Watch.LagWatch;
import dev.orderly.console.alerts.Watch.OrderWatch;
import dev.orderly.console.alerts.Watch.OutageWatch;
import dev.orderly.console.alerts.Watch.StuckWatch;
import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsViewModelTest {

    @TempDir
    Path dir;

    private final RecordingClient client = new RecordingClient();
    private final List<String> toasts = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private AlertsViewModel vm;

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void start() {
        vm = new AlertsViewModel(client, new DirectTaskRunner(), new WatchStore(dir.resolve("alerts.txt")), clock);
        vm.toasts(toasts::add);
        vm.listen();
    }

    private void change(long order, String user, OrderStatus to) {
        client.statusListeners.forEach(l -> l.accept(new OrderStatusChanged(order, user, OrderStatus.PENDING_PAYMENT,
            to, now, "paid", BigDecimal.TEN, 3L)));
    }

    private static LagSnapshot snapshot(long lag, long deadLettered) {
        return new LagSnapshot(Instant.now(), List.of(), lag, 0, 0, 0, deadLettered, 0, null, 0, 60);
    }

    private List<String> titles() {
        return vm.alerts().stream().map(Alert::title).toList();
    }

    @Test
    void anOrderOrACustomerWatchedRaisesEveryStatusChangeOfItsOrdersAndNoOthers() {
        vm.watchOrder("#42");
        vm.watchCustomer(" Bob@Example.com ");
        change(42, "alice@example.com", OrderStatus.PAYMENT_COMPLETED);
        change(43, "alice@example.com", OrderStatus.PAYMENT_COMPLETED);
        change(44, "bob@example.com", OrderStatus.COMPLETED);

        assertThat(titles()).containsExactly("Order #44 COMPLETED", "Order #42 PAYMENT_COMPLETED");
        assertThat(vm.alerts().get(1).where()).isEqualTo(Alert.Where.ORDER);
        assertThat(vm.alerts().get(1).orderId()).isEqualTo(42);
        assertThat(vm.unreadProperty().get()).isEqualTo(2);
        assertThat(toasts).hasSize(2);
        vm.markAllRead();
        assertThat(vm.unreadProperty().get()).isZero();
    }

    @Test
    void lagIsRaisedOnlyAfterItLastedAndClearedOnceWhenItFalls() {
        vm.add(new LagWatch(100, 30));
        vm.onSnapshot(snapshot(500, 0));
        now = now.plusSeconds(29);
        vm.onSnapshot(snapshot(500, 0));
        assertThat(vm.alerts()).isEmpty();
        now = now.plusSeconds(1);
        vm.onSnapshot(snapshot(600, 0));
        vm.onSnapshot(snapshot(700, 0));
        assertThat(titles()).containsExactly("Lag over 100");
        assertThat(vm.active()).containsExactly("Lag over 100");
        vm.onSnapshot(snapshot(20, 0));
        vm.onSnapshot(snapshot(10, 0));
        assertThat(titles()).containsExactly("Lag back under 100", "Lag over 100");
        assertThat(vm.active()).isEmpty();
    }

    @Test
    void newDeadLettersRaiseOneAlertPerSnapshotThatSawThem() {
        vm.add(new DeadLetterWatch());
        vm.onSnapshot(snapshot(0, 7));
        vm.onSnapshot(snapshot(0, 7));
        assertThat(vm.alerts()).isEmpty();
        vm.onSnapshot(snapshot(0, 9));
        assertThat(titles()).containsExactly("Dead letters +2");
        assertThat(vm.alerts().get(0).where()).isEqualTo(Alert.Where.DEAD_LETTERS);
    }

    @Test
    void anOutageIsRaisedOnceAndClearedOnce() {
        vm.add(new OutageWatch());
        vm.onHealth(true, true, "broker up, database up");
        vm.onHealth(false, true, "broker down");
        vm.onHealth(false, true, "broker down");
        assertThat(vm.active()).containsExactly("Broker down");
        vm.onHealth(true, true, "broker up, database up");
        assertThat(titles()).containsExactly("Broker back", "Broker down");
        assertThat(vm.active()).isEmpty();
    }

    @Test
    void stuckOrdersAndTheCheckerAreAskedForOnlyWhenWatched() {
        vm.check();
        assertThat(client.calls).doesNotContain("stuck", "invariants");
        vm.add(new StuckWatch(60));
        vm.add(new CheckerWatch());
        client.report = new InvariantReport(now, false, Map.of(), List.of(new InvariantReport.Violation(
            "charged-twice", "a payment charged twice", 1, List.of("order 7"))));
        vm.check();
        assertThat(titles()).containsExactly("Checker red");
        assertThat(vm.alerts().get(0).text()).isEqualTo("charged-twice x1");
        client.report = new InvariantReport(now, true, Map.of(), List.of());
        vm.check();
        assertThat(titles()).containsExactly("Checker green", "Checker red");
    }

    @Test
    void aFloodBecomesThreeToastsAndOneSummary() {
        vm.add(new OrderWatch(1));
        for (int i = 0; i < 10; i++) {
            change(1, "alice@example.com", OrderStatus.PAYMENT_COMPLETED);
        }
        assertThat(toasts).hasSize(AlertsViewModel.TOASTS_PER_WINDOW);
        vm.tick();
        assertThat(toasts).hasSize(3);
        now = now.plus(AlertsViewModel.TOAST_WINDOW).plusSeconds(1);
        vm.tick();
        assertThat(toasts).hasSize(4).last().isEqualTo("7 more alert(s): see the bell");
        assertThat(vm.alerts()).hasSize(10);
    }

    @Test
    void watchesAreRememberedAndWhatIsNotAWatchIsRefusedWithASentence() throws Exception {
        assertThat(vm.watchOrder("forty-two")).isFalse();
        assertThat(vm.messageProperty().get()).contains("whole number");
        assertThat(vm.watchCustomer("not an address")).isFalse();
        assertThat(vm.watchLag("100", "0")).isFalse();
        assertThat(vm.messageProperty().get()).contains("1 to 3600");
        assertThat(vm.watches()).isEmpty();

        vm.watchOrder("42");
        vm.watchCustomer("bob@example.com");
        vm.watchStuck("90");
        vm.watchLag("100", "30");
        vm.add(new DeadLetterWatch());
        assertThat(vm.add(new DeadLetterWatch())).isFalse();
        Files.writeString(dir.resolve("alerts.txt"), "lag:1:2:3\nbogus\norder:x\n", StandardOpenOption.APPEND);

        AlertsViewModel again = new AlertsViewModel(client, new DirectTaskRunner(),
            new WatchStore(dir.resolve("alerts.txt")), clock);
        assertThat(again.watches()).containsExactly(new OrderWatch(42), new CustomerWatch("bob@example.com"),
            new StuckWatch(90), new LagWatch(100, 30), new DeadLetterWatch());
        again.remove(new OrderWatch(42));
        assertThat(new WatchStore(dir.resolve("alerts.txt")).load()).hasSize(4);
    }
}
