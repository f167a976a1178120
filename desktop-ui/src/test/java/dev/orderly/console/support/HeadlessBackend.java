package dev.orderly.console.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.BackendLaunch;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real backend (its jar, built before this module's tests) as a separate headless process on a free port, with
 * an embedded broker and H2 in a temporary directory: what consoles attach to. Stopped and its directory removed by
 * {@link #close()}.
 */
public final class HeadlessBackend implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    private final Path dataDir;
    private final Process process;
    private final int port;

    private HeadlessBackend(Path dataDir, Process process, int port) {
        this.dataDir = dataDir;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the backend with {@code extraArgs} (Spring Boot {@code --name=value}) and waits until health answers
     * 200 over {@code http} (a client for https when the arguments turn TLS on).
     */
    public static HeadlessBackend start(Path dataDir, HttpClient http, String scheme, String... extraArgs)
        throws IOException {
        Files.createDirectories(dataDir);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of("..", "backend", "target", "orderly-backend.jar").toAbsolutePath().normalize();
        assertThat(jar).as("the backend jar, built before this module's tests").exists();
        List<String> command = BackendLaunch.command(jar.getParent(), "-Xmx512m", BackendLaunch.SHORT_LIVED,
            BackendLaunch.CODE_CACHE);
        command.addAll(List.of("--server.port=" + port,
            "--orderly.kafka.embedded.port=0", "--orderly.data-dir=" + dataDir, "--orderly.gateway.preset=instant",
            "--logging.file.name="));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("backend.log").toFile()).start();
        HeadlessBackend backend = new HeadlessBackend(dataDir, process, port);
        String health = scheme + "://127.0.0.1:" + port + "/actuator/health";
        await().atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the backend ended while starting:\n" + backend.logTail());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(health)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return backend;
    }

    public int port() {
        return port;
    }

    public String url(String scheme) {
        return scheme + "://127.0.0.1:" + port;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("backend.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        TempTrees.delete(dataDir);
    }
}
