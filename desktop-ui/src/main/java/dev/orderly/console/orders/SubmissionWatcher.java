package dev.orderly.console.orders;

import dev.orderly.console.util.Messages;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.OrderView;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows each order submitted from this console until the pipeline is done with it, and reports the outcome once
 * (for a notification). Success and cancellation arrive on the live status feed. A declined card or a dead letter
 * changes no status (the order stays payable), so for those alone the order's timeline is read a few times, at
 * widening intervals; the same reads also catch a status event missed while the live connection was down.
 */
public final class SubmissionWatcher implements AutoCloseable {

    /** How a submitted order ended. */
    public record Outcome(long orderId, boolean success, String text) {
    }

    /** When, after submission, the timeline is read for outcomes that change no status. */
    private static final long[] TIMELINE_CHECKS_MILLIS = {1_500, 5_000, 15_000, 60_000, 300_000};

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final Consumer<Outcome> listener;
    private final Set<Long> watched = ConcurrentHashMap.newKeySet();
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

    /** Subscribes to the live status feed; returns the unsubscribe action. */
    public Runnable listen() {
        return client.onStatusChange(this::onStatusChange);
    }

    public void watch(long orderId) {
        watched.add(orderId);
        for (long delay : TIMELINE_CHECKS_MILLIS) {
            timer.schedule(() -> readTimeline(orderId), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Orders submitted and not yet reported. */
    public int watching() {
        return watched.size();
    }

    void onStatusChange(OrderStatusChanged change) {
        if (settled(change.to()) && watched.remove(change.orderId())) {
            report(new Outcome(change.orderId(), change.to() != OrderStatus.CANCELLED,
                isNow(change.orderId(), change.to())));
        }
    }

    /** Where the pipeline leaves an order it is done with (the steps before are committed in the same moment). */
    private static boolean settled(OrderStatus status) {
        return status == OrderStatus.COMPLETED || status == OrderStatus.PREPARING || status == OrderStatus.CANCELLED;
    }

    private void readTimeline(long orderId) {
        if (!watched.contains(orderId)) {
            return;
        }
        Outcome outcome;
        try {
            outcome = assess(client.order(orderId));
        } catch (RuntimeException e) {
            return;
        }
        if (outcome != null && watched.remove(orderId)) {
            report(outcome);
        }
    }

    private void report(Outcome outcome) {
        runner.onUi(() -> listener.accept(outcome));
    }

    static Outcome assess(OrderView order) {
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return new Outcome(order.orderId(), order.status() != OrderStatus.CANCELLED,
                isNow(order.orderId(), order.status()));
        }
        var last = order.timeline().isEmpty() ? null : order.timeline().get(order.timeline().size() - 1);
        if (last != null && (last.kind() == TimelineKind.ATTEMPT_FAILED || last.kind() == TimelineKind.DEAD_LETTERED)) {
            return new Outcome(order.orderId(), false, I18n.t("toast.orderFailed", String.valueOf(order.orderId()),
                Messages.detail(last)));
        }
        return null;
    }

    /** "Order #7 is COMPLETED: Completed", in the user's words. */
    private static String isNow(long orderId, OrderStatus status) {
        return I18n.t("toast.orderIs", String.valueOf(orderId), I18n.status(status),
            I18n.t("statusText." + status.name()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
