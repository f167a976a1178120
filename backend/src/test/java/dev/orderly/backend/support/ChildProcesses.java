package dev.orderly.backend.support;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Starting and ending the JVMs the fault tests run as separate processes. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** SIGKILL: no shutdown hooks, nothing flushed, as when the machine loses power. */
    static void kill(Process process) {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGTERM, then SIGKILL if it does not end in time. */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
        }
    }
}
