package dev.orderly.console.orders;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderView;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows each order submitted from this console until it is processed or has failed, and reports the outcome
 * once (for a notification).
 */
public final class SubmissionWatcher implements AutoCloseable {

    /** How a submitted order ended. */
    public record Outcome(long orderId, boolean success, String text) {
    }

    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final Consumer<Outcome> listener;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orderly-submission-watcher");
        t.setDaemon(true);
        return t;
    });

    public SubmissionWatcher(OrderlyClient client, TaskRunner runner, Consumer<Outcome> listener) {
        this.client = client;
        this.runner = runner;
        this.listener = listener;
    }

    public void watch(long orderId) {
        Instant until = Instant.now().plus(GIVE_UP);
        timer.schedule(() -> check(orderId, until), 300, TimeUnit.MILLISECONDS);
    }

    private void check(long orderId, Instant until) {
        Outcome outcome;
        try {
            outcome = assess(client.order(orderId));
        } catch (RuntimeException e) {
            outcome = null;
        }
        if (outcome != null) {
            Outcome done = outcome;
            runner.onUi(() -> listener.accept(done));
        } else if (Instant.now().isBefore(until)) {
            timer.schedule(() -> check(orderId, until), 700, TimeUnit.MILLISECONDS);
        }
    }

    static Outcome assess(OrderView order) {
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return new Outcome(order.orderId(), order.status() != OrderStatus.CANCELLED,
                "Order #" + order.orderId() + " is " + order.status() + ": " + order.statusDescription());
        }
        var last = order.timeline().isEmpty() ? null : order.timeline().get(order.timeline().size() - 1);
        if (last != null && (last.kind() == TimelineKind.ATTEMPT_FAILED || last.kind() == TimelineKind.DEAD_LETTERED)) {
            return new Outcome(order.orderId(), false, "Order #" + order.orderId() + " failed: " + last.detail());
        }
        return null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
