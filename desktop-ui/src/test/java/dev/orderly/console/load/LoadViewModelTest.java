package dev.orderly.console.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.api.ApiCallException;
import dev.orderly.console.load.LoadRun.Summary;
import dev.orderly.console.load.LoadViewModel.Preset;
import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.OrderView;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.TimelineEntry;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeBackend backend = new FakeBackend();
    private final LoadViewModel vm = new LoadViewModel(backend, new DirectTaskRunner());

    @AfterEach
    void stop() {
        vm.close();
        backend.processing.shutdownNow();
    }

    @Test
    void aPresetFillsThePlanAndEditingItMakesItCustom() {
        assertThat(vm.presetProperty().get()).isEqualTo(Preset.SEED);
        assertThat(vm.ordersProperty().get()).isEqualTo(500);
        assertThat(vm.perSecondProperty().get() * 60).isEqualTo(500.0, org.assertj.core.data.Offset.offset(1e-9));

        vm.presetProperty().set(Preset.FIVE_HUNDRED);
        assertThat(vm.ordersProperty().get()).isEqualTo(5_000);
        assertThat(vm.perSecondProperty().get()).isEqualTo(500.0);
        assertThat(vm.presetProperty().get()).isEqualTo(Preset.FIVE_HUNDRED);

        vm.ordersProperty().set(1_234);
        assertThat(vm.presetProperty().get()).isEqualTo(Preset.CUSTOM);
        assertThat(vm.perSecondProperty().get()).isEqualTo(500.0);
    }

    @Test
    void anImpossiblePlanSaysWhyAndSendsNothing() {
        vm.ordersProperty().set(0);
        vm.start();
        assertThat(vm.statusProperty().get()).isEqualTo("Orders must be between 1 and 100,000.");
        vm.ordersProperty().set(10);
        vm.perSecondProperty().set(50_000);
        vm.start();
        assertThat(vm.statusProperty().get()).startsWith("The rate must be between 0.1 and 2,000");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(backend.created).hasValue(0);
    }

    /**
     * 60 orders at 200/s: one payment refused at the door, one declined (no status change, only its timeline says
     * so), the rest completed through the live feed; the summary counts each once and the progress ends at 100%.
     */
    @Test
    void aRunCountsEveryOrderOnceWhateverItsOutcome() {
        backend.refuse = 105;
        backend.decline = 110;
        vm.presetProperty().set(Preset.CUSTOM);
        vm.ordersProperty().set(60);
        vm.perSecondProperty().set(200);
        vm.start();
        assertThat(vm.runningProperty().get()).isTrue();

        await().atMost(WAIT).until(() -> vm.lastSummaryProperty().get() != null);
        Summary summary = vm.lastSummaryProperty().get();
        assertThat(summary.orders()).isEqualTo(60);
        assertThat(summary.accepted()).isEqualTo(59);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.completed()).isEqualTo(58);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.unfinished()).isZero();
        assertThat(summary.stopped()).isFalse();
        assertThat(summary.firstError()).contains("the broker is down");
        assertThat(summary.p99Millis()).isGreaterThanOrEqualTo(summary.p50Millis()).isPositive();
        // Open loop: 60 orders at 200/s take at least the 0.3 s their due times span.
        assertThat(summary.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(295));
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).contains("60 orders", "59 accepted (202)", "58 completed",
            "1 failed", "1 refused", "p99");
        assertThat(backend.paid).hasValue(59);
        assertThat(backend.listeners).as("the run stops listening").isEmpty();
    }

    @Test
    void stopSendsNoMoreAndTheSummarySaysWhatWasNotSent() {
        vm.presetProperty().set(Preset.CUSTOM);
        vm.ordersProperty().set(1_000);
        vm.perSecondProperty().set(20);
        vm.start();
        await().atMost(WAIT).until(() -> backend.paid.get() >= 5);
        vm.stop();
        await().atMost(WAIT).until(() -> vm.lastSummaryProperty().get() != null);
        Summary summary = vm.lastSummaryProperty().get();
        assertThat(summary.stopped()).isTrue();
        assertThat(summary.accepted()).isBetween(5, 100);
        int paidAtEnd = backend.paid.get();
        assertThat(summary.accepted()).isEqualTo(paidAtEnd);
        assertThat(vm.summaryProperty().get()).contains("not sent");
        assertThat(vm.statusProperty().get()).isEqualTo("Stopped.");
    }

    /**
     * A backend that processes each paid order 20 ms later and says so on the live feed; thread-safe, as the run
     * calls it from many threads. Order {@code refuse} is refused at the door; order {@code decline} is declined,
     * which no status change announces.
     */
    private static final class FakeBackend extends RecordingClient {

        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger paid = new AtomicInteger();
        final List<Consumer<OrderStatusChanged>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<Long, OrderView> orders = new ConcurrentHashMap<>();
        final ScheduledExecutorService processing = Executors.newSingleThreadScheduledExecutor();
        volatile long refuse = -1;
        volatile long decline = -1;

        @Override
        public long createOrder(CreateOrderRequest request) {
            long id = 100 + created.getAndIncrement();
            orders.put(id, view(id, OrderStatus.PENDING_PAYMENT, List.of()));
            return id;
        }

        @Override
        public String pay(long orderId, PayAndShipmentRequest request) {
            if (orderId == refuse) {
                throw new ApiCallException(503, "the broker is down; nothing changed", null);
            }
            paid.incrementAndGet();
            processing.schedule(() -> {
                if (orderId == decline) {
                    orders.put(orderId, view(orderId, OrderStatus.PENDING_PAYMENT, List.of(new TimelineEntry(
                        Instant.now(), TimelineKind.ATTEMPT_FAILED, null, null, "payment declined", "e", null, null,
                        null, 0))));
                    return;
                }
                orders.put(orderId, view(orderId, OrderStatus.COMPLETED, List.of()));
                OrderStatusChanged change = new OrderStatusChanged(orderId, "staff@example.com",
                    OrderStatus.IN_WAREHOUSE, OrderStatus.COMPLETED, Instant.now(), "stored", BigDecimal.TEN);
                listeners.forEach(l -> l.accept(change));
            }, 20, TimeUnit.MILLISECONDS);
            return orderId + "-event";
        }

        @Override
        public OrderView order(long orderId) {
            return orders.get(orderId);
        }

        @Override
        public Runnable onStatusChange(Consumer<OrderStatusChanged> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        private static OrderView view(long id, OrderStatus status, List<TimelineEntry> timeline) {
            return new OrderView(id, "staff@example.com", status, status.getDescription(),
                status.getProgressPercentage(), status.isCancellable(), BigDecimal.TEN, List.of(), null, null, true,
                Instant.now(), Instant.now(), timeline);
        }
    }
}
