package dev.orderly.console.ui;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks a control only once it is really on screen: in a scene, with the FX event queue drained.
 *
 * <p>The control is looked up and measured on the FX thread: a lookup from the test thread walks the scene graph
 * while the FX thread changes it (the pipeline chart adds points and marks every sample), and once failed there
 * with an {@code IndexOutOfBoundsException} inside TestFX's lookup.
 */
final class UiWait {

    private UiWait() {
    }

    static void clickWhenReady(FxRobot robot, String query, Duration timeout) {
        await().atMost(timeout).until(() -> centreOf(robot, query, n -> n.isVisible()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Point2D centre = centreOf(robot, query, n -> n.isVisible())
            .orElseThrow(() -> new AssertionError(query + " left the screen before it was clicked"));
        robot.clickOn(centre);
    }

    /** Waits the same way for the control, then presses {@code key} wherever the focus is (no mouse). */
    static void pressWhenReady(FxRobot robot, String query, KeyCode key, Duration timeout) {
        await().atMost(timeout).until(() -> centreOf(robot, query, n -> n.isVisible() && !n.isDisabled())
            .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(key);
    }

    /** The text of the label {@code query} finds, read on the FX thread. */
    static String textOf(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).<Labeled>query().getText());
    }

    /** The screen centre of the first node {@code query} finds, if it is in a scene and {@code ready}. */
    private static Optional<Point2D> centreOf(FxRobot robot, String query, Predicate<Node> ready) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> robot.lookup(query).tryQuery()
            .filter(n -> n.getScene() != null && ready.test(n))
            .map(n -> {
                Bounds bounds = n.localToScreen(n.getBoundsInLocal());
                return new Point2D(bounds.getCenterX(), bounds.getCenterY());
            }));
    }

    /** {@code work} run on the FX thread, its answer. */
    static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
