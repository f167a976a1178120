package dev.orderly.console.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Queues items arriving on any thread and applies them on the UI thread in one batch per pulse: one
 * {@code runLater} is outstanding at most, however many items arrive meanwhile.
 */
public final class UpdateBatcher<T> {

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final TaskRunner runner;
    private final Consumer<List<T>> apply;

    public UpdateBatcher(TaskRunner runner, Consumer<List<T>> apply) {
        this.runner = runner;
        this.apply = apply;
    }

    public void offer(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            runner.onUi(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            apply.accept(batch);
        }
    }
}
