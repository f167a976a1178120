package dev.orderly.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.console.orders.OrderRow;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.shell.ConsoleFlow;
import dev.orderly.console.shell.ConsoleShell;
import dev.orderly.console.support.TempTrees;
import dev.orderly.console.util.FxTaskRunner;
import dev.orderly.model.OrderStatus;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The console attached over HTTP + STOMP to a headless backend running as a separate process. */
class AttachModeUiTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static Path dataDir;
    private static Process backend;
    private static ConsoleFlow flow;
    private static ConsoleShell shell;

    @BeforeAll
    static void startBackendThenAttach() throws Exception {
        dataDir = Files.createTempDirectory("orderly-attach-test");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of("..", "backend", "target", "orderly-backend.jar").toAbsolutePath().normalize();
        assertThat(jar).as("the backend jar, built before this module's tests").exists();
        backend = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port, "--orderly.kafka.embedded.port=0",
            "--orderly.data-dir=" + dataDir, "--orderly.gateway.preset=instant", "--logging.file.name="))
            .redirectErrorStream(true).redirectOutput(dataDir.resolve("backend.log").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });

        ConsoleSettings settings = new ConsoleSettings(true, url, dataDir.resolve("unused"), 0, "embedded", 0, "",
            "PLAINTEXT", "", "", 0, 0, 0.0, 0.0, "alice@example.com");
        SettingsStore store = new SettingsStore(dataDir.resolve("console.properties"), settings);
        CompletableFuture<ConsoleShell> signedIn = new CompletableFuture<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            flow = new ConsoleFlow(stage, store, settings, new FxTaskRunner());
            flow.onShell(signedIn::complete);
            flow.start();
        });
        FxRobot robot = new FxRobot();
        await().atMost(WAIT).until(() -> robot.lookup("#signin-email").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signin-email").<ComboBox<String>>query().getEditor().getText())
            .isEqualTo("alice@example.com");
        UiWait.clickWhenReady(robot, "#signin-button", WAIT);
        shell = signedIn.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(WAIT).until(() -> robot.lookup("#form-submit").tryQuery().isPresent());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (flow != null) {
            FxToolkit.setupFixture(() -> flow.shutdown());
            FxToolkit.cleanupStages();
        }
        if (backend != null) {
            backend.destroy();
            if (!backend.waitFor(30, TimeUnit.SECONDS)) {
                backend.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        TempTrees.delete(dataDir);
    }

    @Test
    void aCustomerSubmitsThroughTheAttachedConsoleAndSeesItComplete() {
        assertThat(flow.client().describe()).startsWith("attached to http://127.0.0.1:");
        assertThat(lookup("#header-user").<Label>query().getText()).contains("customer");
        assertThat(lookup("#tab-pipeline").tryQuery()).as("customers get no pipeline screen").isEmpty();

        long before = shell.model().detail().selectedId();
        UiWait.clickWhenReady(this, "#form-submit", WAIT);
        await().atMost(WAIT).until(() -> shell.model().detail().selectedId() != before);
        long orderId = shell.model().detail().selectedId();

        await().atMost(WAIT).until(() -> {
            OrderRow row = shell.model().orders().row(orderId);
            return row != null && row.statusProperty().get() == OrderStatus.COMPLETED;
        });
    }
}
