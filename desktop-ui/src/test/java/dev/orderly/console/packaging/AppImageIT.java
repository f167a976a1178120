package dev.orderly.console.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The installable app: {@code ./package-app} (the README's command) builds a jpackage app image with its own Java
 * runtime, and the image's launcher starts the backend headless until its health endpoint says UP. What runs is
 * the image's own runtime, not this JDK.
 */
class AppImageIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

    private Path dir;
    private Process app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theAppImageBuildsAndItsHeadlessBackendStartsOnItsOwnRuntime() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(PROJECT.resolve("desktop-ui/target")), "app-image-");
        Path dest = dir.resolve("image");
        Process packaging = new ProcessBuilder(List.of(PROJECT.resolve("package-app").toString(), "--no-build",
            dest.toString())).directory(PROJECT.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("package.out").toFile()).start();
        assertThat(packaging.waitFor(10, TimeUnit.MINUTES)).as("packaging finished").isTrue();
        assertThat(packaging.exitValue()).as("./package-app said:%n%s", read(dir.resolve("package.out")))
            .isZero();
        Path launcher = dest.resolve("Orderly/bin/Orderly");
        assertThat(launcher).isExecutable();
        assertThat(dest.resolve("Orderly/lib/runtime/lib/server/libjvm.so")).as("its own Java runtime").isRegularFile();

        int port = freePort();
        app = new ProcessBuilder(List.of(launcher.toString(), "--headless", "--server.port=" + port,
            "--orderly.data-dir=" + dir.resolve("data"), "--orderly.kafka.embedded.port=0", "--logging.file.name="))
            .redirectErrorStream(true).redirectOutput(dir.resolve("app.out").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
            .untilAsserted(() -> {
                assertThat(app.isAlive()).as("the app is running; it said:%n%s", read(dir.resolve("app.out")))
                    .isTrue();
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("\"UP\"");
            });
        // The process serving it is the image's runtime.
        assertThat(app.info().command()).hasValueSatisfying(command -> assertThat(Path.of(command))
            .startsWith(dest.resolve("Orderly")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(nothing: " + e.getMessage() + ")";
        }
    }
}
