package dev.orderly.console.util;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work off the FX thread and hands the result back on it. View-models get one injected, so their
 * tests can run everything on the calling thread.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code update} on the UI thread (or at once, in tests). */
    void onUi(Runnable update);
}
