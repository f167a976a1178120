package dev.orderly.console.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The installable app, as the README tells a user to make it: {@code ./package-app} builds a jpackage app image with
 * its own Java runtime and a .deb of it. The image's launcher starts the backend headless on that runtime; the .deb,
 * unpacked into a temporary root as dpkg would install it, holds the launcher, the icon and a desktop entry in the
 * Office menu, and its launcher opens the console's window on a real X server up to the sign-in screen (not blank).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesktopPackagesIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

    private Path dir;
    private Path dest;
    private final List<Process> apps = new ArrayList<>();

    @BeforeAll
    void packageOnce() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(PROJECT.resolve("desktop-ui/target")), "packages-");
        dest = dir.resolve("out");
        ProcessBuilder builder = new ProcessBuilder(List.of(PROJECT.resolve("package-app").toString(), "--no-build",
            dest.toString())).directory(PROJECT.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("package.out").toFile());
        // dpkg-deb's fastest compression (xz by default: a minute and a half for the runtime's 260 MB on two cores);
        // the package holds the same files either way.
        builder.environment().putAll(Map.of("DPKG_DEB_COMPRESSOR_TYPE", "gzip", "DPKG_DEB_COMPRESSOR_LEVEL", "1"));
        Process packaging = builder.start();
        assertThat(packaging.waitFor(10, TimeUnit.MINUTES)).as("packaging finished").isTrue();
        assertThat(packaging.exitValue()).as("./package-app said:%n%s", read(dir.resolve("package.out")))
            .isZero();
    }

    @AfterEach
    void stopApps() throws InterruptedException {
        for (Process app : apps) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        apps.clear();
    }

    @AfterAll
    void deletePackages() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theAppImagesHeadlessBackendStartsOnItsOwnRuntime() throws Exception {
        Path launcher = dest.resolve("Orderly/bin/Orderly");
        assertThat(launcher).isExecutable();
        assertThat(dest.resolve("Orderly/lib/runtime/lib/server/libjvm.so")).as("its own Java runtime").isRegularFile();

        int port = freePort();
        Process app = start(List.of(launcher.toString(), "--headless", "--server.port=" + port,
            "--orderly.data-dir=" + dir.resolve("headless-data"), "--orderly.kafka.embedded.port=0",
            "--logging.file.name="), Map.of(), dir.resolve("headless.out"));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
            .untilAsserted(() -> {
                assertThat(app.isAlive()).as("the app is running; it said:%n%s", read(dir.resolve("headless.out")))
                    .isTrue();
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("\"UP\"");
            });
        // The process serving it is the image's runtime.
        assertThat(app.info().command()).hasValueSatisfying(command -> assertThat(Path.of(command))
            .startsWith(dest.resolve("Orderly")));
    }

    @Test
    void theDebInstallsTheAppWithAMenuEntryAndItsWindowOpensAtSignIn() throws Exception {
        List<Path> debs;
        try (Stream<Path> files = Files.list(dest)) {
            debs = files.filter(f -> f.getFileName().toString().matches("orderly_0\\.1\\.0.*\\.deb")).toList();
        }
        assertThat(debs).as("the .deb next to the image").hasSize(1);
        Path deb = debs.get(0);
        assertThat(run("dpkg-deb", "--field", deb.toString(), "Package", "Version"))
            .contains("Package: orderly", "Version: 0.1.0");

        // Unpacked as dpkg would install it, into a root of its own; its maintainer scripts put the entry in the menu.
        Path root = dir.resolve("root");
        run("dpkg-deb", "--extract", deb.toString(), root.toString());
        run("dpkg-deb", "--control", deb.toString(), dir.resolve("control").toString());
        Path app = root.resolve("opt/orderly");
        assertThat(app.resolve("bin/Orderly")).isExecutable();
        assertThat(app.resolve("lib/runtime/lib/server/libjvm.so")).as("its own Java runtime").isRegularFile();
        assertThat(ImageIO.read(app.resolve("lib/Orderly.png").toFile()).getWidth()).as("the icon").isEqualTo(256);
        String entry = Files.readString(app.resolve("lib/orderly-Orderly.desktop"));
        assertThat(entry).contains("Name=Orderly", "Exec=/opt/orderly/bin/Orderly", "Icon=/opt/orderly/lib/Orderly.png",
            "Categories=Office");
        assertThat(Files.readString(dir.resolve("control/postinst"))).contains("xdg-desktop-menu install")
            .contains("/opt/orderly/lib/orderly-Orderly.desktop");

        // The window, not only --headless: the installed launcher on a real X server reaches the sign-in screen.
        try (VirtualDisplay display = VirtualDisplay.start(dir)) {
            Path home = Files.createDirectories(dir.resolve("home"));
            Process window = start(List.of(app.resolve("bin/Orderly").toString(), "--data-dir=" + dir.resolve("data"),
                "--http-port=" + freePort(), "--kafka-port=" + freePort(),
                "--settings=" + home.resolve("console.properties")),
                Map.of("DISPLAY", display.name(), "HOME", home.toString()), dir.resolve("window.out"));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(window.isAlive()).as("the app is running; it said:%n%s", read(dir.resolve("window.out")))
                    .isTrue();
                assertThat(display.windows()).contains("\"Orderly - sign in\"");
            });
            // Painted, not a blank or black window: a sign-in form has many colours (text, fields, a button).
            BufferedImage screen = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(display::screenshot, shot -> colours(shot) > 20);
            ImageIO.write(screen, "png", PROJECT.resolve("desktop-ui/target/deb-window.png").toFile());
        }
    }

    private Process start(List<String> command, Map<String, String> env, Path out) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        apps.add(process);
        return process;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " said: " + out).isZero();
        return out;
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
