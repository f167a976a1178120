package dev.orderly.bench;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The backend jar in a JVM of its own, on free ports and a throw-away data directory. */
final class BackendProcess implements AutoCloseable {

    /** USER_HZ, the unit of {@code /proc/<pid>/stat}'s times: 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final int CLOCK_TICKS = 100;

    private final Process process;
    private final int httpPort;
    private final int kafkaPort;
    private final double startSeconds;

    private BackendProcess(Process process, int httpPort, int kafkaPort, double startSeconds) {
        this.process = process;
        this.httpPort = httpPort;
        this.kafkaPort = kafkaPort;
        this.startSeconds = startSeconds;
    }

    static BackendProcess start(Path jar, Path data, String gatewayPreset, String... extraArgs) throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build first: " + jar + " is missing");
        }
        int http = freePort();
        int kafka = freePort();
        long begin = System.nanoTime();
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx1g"));
        // For profiling, e.g. -Dorderly.bench.jvm=-XX:StartFlightRecording=filename=/tmp/backend.jfr
        String jvm = System.getProperty("orderly.bench.jvm", "").trim();
        if (!jvm.isEmpty()) {
            jvmOptions.addAll(List.of(jvm.split("\\s+")));
        }
        // As ./orderly --headless starts it: the extracted jar with its class data sharing archive, when built.
        List<String> command = BackendLaunch.command(jar.getParent(), jvmOptions.toArray(String[]::new));
        command.addAll(List.of("--server.port=" + http,
            "--orderly.kafka.embedded.port=" + kafka, "--orderly.data-dir=" + data,
            "--orderly.gateway.preset=" + gatewayPreset, "--logging.file.name=",
            "--management.endpoints.web.exposure.include=health,metrics",
            // The load generator is one user sending thousands of requests a second.
            "--orderly.security.rate-limit.writes-per-second=1000000"));
        command.addAll(List.of(extraArgs));
        Files.createDirectories(data);
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true).redirectOutput(data.resolve("backend.log").toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                boolean ended = !process.isAlive();
                process.destroyForcibly();
                // The log's directory is usually a temporary one the bench deletes: its end goes in the message.
                throw new IllegalStateException("the backend did not start (" + (ended ? "its process ended"
                    : "no healthy answer within 120 s") + "); the end of " + data.resolve("backend.log") + ":\n"
                    + tail(data.resolve("backend.log"), 30));
            }
            Thread.sleep(100);
        }
        return new BackendProcess(process, http, kafka, (System.nanoTime() - begin) / 1e9);
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(the log could not be read: " + e.getMessage() + ")";
        }
    }

    /**
     * CPU time the backend process has used so far (user + system, every thread), from {@code /proc}; -1 where
     * there is no {@code /proc} (the figure is then left out).
     */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // Fields after the command name (which may hold spaces) in parentheses: utime and stime are 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    double startSeconds() {
        return startSeconds;
    }

    long heapMiB(Api api) {
        return api.heapUsedBytes() >> 20;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
