package dev.orderly.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.console.orders.OrderRow;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.shell.ConsoleFlow;
import dev.orderly.console.shell.ConsoleShell;
import dev.orderly.console.support.HeadlessBackend;
import dev.orderly.console.support.TempTrees;
import dev.orderly.console.util.FxTaskRunner;
import dev.orderly.model.OrderStatus;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    private static HeadlessBackend backend;
    private static ConsoleFlow flow;
    private static ConsoleShell shell;

    @BeforeAll
    static void startBackendThenAttach() throws Exception {
        dataDir = Files.createTempDirectory("orderly-attach-test");
        backend = HeadlessBackend.start(dataDir.resolve("backend"), HttpClient.newHttpClient(), "http");
        String url = backend.url("http");

        ConsoleSettings settings = ConsoleSettings.attachedTo(url, dataDir.resolve("unused"))
            .withLastUser("alice@example.com");
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
            backend.close();
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
