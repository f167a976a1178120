package dev.orderly.backend.metrics;

import dev.orderly.backend.invariants.InvariantChecker;
import dev.orderly.backend.lag.LagMonitor;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PartitionLag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The pipeline's state as gauges, refreshed on a schedule rather than on each scrape (a scrape then costs no
 * database or broker call): consumer lag per group and partition (the numbers of {@code GET /api/pipeline/lag}),
 * orders per status, and the invariant checker's violation count. The counters and timers of what happens to each
 * order live where it happens ({@code orderly.orders.accepted}, {@code orderly.orders.processed},
 * {@code orderly.orders.redriven}, {@code orderly.orders.in.flight}, {@code orderly.outbox.backlog}).
 */
@Component
class PipelineMeters {

    private static final Logger log = LoggerFactory.getLogger(PipelineMeters.class);

    private final LagMonitor lag;
    private final OrderRepository orders;
    private final InvariantChecker invariants;
    private final MultiGauge lagGauge;
    private final Map<OrderStatus, AtomicLong> perStatus = new EnumMap<>(OrderStatus.class);
    private final AtomicLong violations = new AtomicLong(-1);

    PipelineMeters(LagMonitor lag, OrderRepository orders, InvariantChecker invariants, MeterRegistry meters) {
        this.lag = lag;
        this.orders = orders;
        this.invariants = invariants;
        this.lagGauge = MultiGauge.builder("orderly.kafka.consumer.lag")
            .description("End offset minus the group's committed offset, per group and partition").register(meters);
        for (OrderStatus status : OrderStatus.values()) {
            AtomicLong count = new AtomicLong();
            perStatus.put(status, count);
            Gauge.builder("orderly.orders.status", count, AtomicLong::get).tag("status", status.name())
                .description("Orders in each status").register(meters);
        }
        Gauge.builder("orderly.invariants.violations", violations, AtomicLong::get)
            .description("Broken guarantees the last invariant check found (-1 before the first check)")
            .register(meters);
    }

    @Scheduled(fixedRateString = "${orderly.lag.interval:1s}", initialDelayString = "${orderly.lag.interval:1s}")
    void refresh() {
        LagSnapshot snapshot = lag.latest();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (PartitionLag partition : snapshot.partitions()) {
            rows.add(MultiGauge.Row.of(Tags.of("group", partition.group(), "partition",
                Integer.toString(partition.partition())), partition.lag()));
        }
        lagGauge.register(rows, true);
        try {
            Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
            for (Object[] row : orders.countGroupedByStatus()) {
                counts.put((OrderStatus) row[0], (Long) row[1]);
            }
            perStatus.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status, 0L)));
        } catch (RuntimeException e) {
            log.debug("metrics: orders per status not counted: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${orderly.metrics.invariants-interval:60s}",
        initialDelayString = "${orderly.metrics.invariants-interval:60s}")
    void checkInvariants() {
        try {
            violations.set(invariants.check().violations().stream().mapToLong(v -> v.count()).sum());
        } catch (RuntimeException e) {
            log.debug("metrics: invariant check failed: {}", e.toString());
        }
    }
}
