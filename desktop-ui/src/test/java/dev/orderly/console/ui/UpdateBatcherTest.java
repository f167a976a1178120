package dev.orderly.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.util.TaskRunner;
import dev.orderly.console.util.UpdateBatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UpdateBatcherTest {

    /** Holds UI work until the test "runs a pulse". */
    private static final class PulseRunner implements TaskRunner {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onUi(Runnable update) {
            pending.add(update);
        }

        void pulse() {
            List<Runnable> now = new ArrayList<>(pending);
            pending.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void aBurstBecomesOneUiUpdate() {
        PulseRunner runner = new PulseRunner();
        List<List<Integer>> batches = new ArrayList<>();
        UpdateBatcher<Integer> batcher = new UpdateBatcher<>(runner, batches::add);
        for (int i = 0; i < 1000; i++) {
            batcher.offer(i);
        }
        assertThat(runner.pending).hasSize(1);
        runner.pulse();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(1000).startsWith(0, 1, 2).endsWith(999);

        batcher.offer(1000);
        assertThat(runner.pending).hasSize(1);
        runner.pulse();
        assertThat(batches).hasSize(2);
    }
}
