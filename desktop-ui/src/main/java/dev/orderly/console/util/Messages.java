package dev.orderly.console.util;

import dev.orderly.api.ApiCallException;

/** Turns failures into one line a person can read. */
public final class Messages {

    private Messages() {
    }

    public static String of(Throwable error) {
        if (error instanceof ApiCallException api) {
            return api.getMessage();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
