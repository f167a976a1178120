package dev.orderly.console.ui;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks a control only once it is really on screen: in a scene, with the FX event queue drained. */
final class UiWait {

    private UiWait() {
    }

    static void clickWhenReady(FxRobot robot, String query, Duration timeout) {
        await().atMost(timeout).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(query).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
    }

    /** Waits the same way for the control, then presses {@code key} wherever the focus is (no mouse). */
    static void pressWhenReady(FxRobot robot, String query, KeyCode key, Duration timeout) {
        await().atMost(timeout).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(query).tryQuery().map(n -> n.getScene() != null && n.isVisible() && !n.isDisabled())
                .orElse(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(key);
    }
}
