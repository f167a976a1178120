package dev.orderly.console.ui;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
}
