package dev.orderly.backend.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The backend as its own JVM, from the jar Maven just packaged: what the crash tests kill and restart. Always the
 * same data directory and HTTP port, so a restart finds the same H2 file (and, embedded, the same broker log).
 */
public final class BackendJar implements AutoCloseable {

    private final Path dir;
    private final int port = FreePort.pick();
    private final List<String> args;
    private Process process;

    private BackendJar(Path dir, List<String> args) {
        this.dir = dir;
        this.args = args;
    }

    /** A backend on {@code dir}; {@code extraArgs} are Spring Boot arguments ({@code --name=value}). */
    public static BackendJar on(Path dir, String... extraArgs) {
        return new BackendJar(dir, List.of(extraArgs));
    }

    /** Starts the process and waits for its health endpoint; returns a client for it. */
    public ApiClient start() throws IOException {
        Path jar = Path.of("target", "orderly-backend.jar").toAbsolutePath();
        assertThat(jar).as("the backend jar (mvn package)").exists();
        List<String> command = BackendLaunch.command(jar.getParent(), "-Xmx512m", BackendLaunch.SHORT_LIVED,
            BackendLaunch.CODE_CACHE);
        command.addAll(List.of("--server.port=" + port, "--orderly.data-dir=" + dir, "--logging.file.name=",
            "--orderly.processing.retry-backoff=200ms"));
        command.addAll(args);
        Files.createDirectories(dir);
        process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("backend.log").toFile())).start();
        ApiClient api = new ApiClient(port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
            .until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the backend ended; see " + dir.resolve("backend.log"));
                }
                return api.get(null, "/actuator/health").status() == 200;
            });
        return api;
    }

    public ApiClient api() {
        return new ApiClient(port);
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits for the process to end by itself (an injected crash); returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the backend did not end within " + timeout);
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops it; returns at once (see {@link #awaitExit}). */
    public void terminate() {
        process.destroy();
    }

    /** kill -9. */
    public void kill() {
        ChildProcesses.kill(process);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }
}
