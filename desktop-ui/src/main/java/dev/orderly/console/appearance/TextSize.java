package dev.orderly.console.appearance;

import dev.orderly.console.util.Em;
import dev.orderly.console.util.I18n;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * How large the console's text is: three steps of the root font. Every size in the console is in em (the stylesheet's
 * and, through {@link Em}, the widths set in code), so the whole console scales with it; it applies at once to every
 * window, dialogs and notifications included. The same root style carries the font for the language's script
 * ({@link I18n#fontFamily}).
 */
public enum TextSize {
    NORMAL(13),
    LARGE(16),
    LARGEST(19.5);

    private static final String PREFIX = "data:text/css;base64,";
    private static TextSize current = NORMAL;
    private static boolean following;

    private final double pixels;

    TextSize(double pixels) {
        this.pixels = pixels;
    }

    /** The size saved under {@code name}, or normal for anything else. */
    public static TextSize named(String name) {
        return Saved.named(TextSize.class, name, NORMAL);
    }

    /** The root font in pixels. */
    public double pixels() {
        return pixels;
    }

    /** Makes this the size of every window, open now or opened later (FX thread). */
    public void apply() {
        current = this;
        Em.size(pixels);
        if (!following) {
            following = true;
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(TextSize::follow);
                }
            });
        }
        for (Window window : Window.getWindows()) {
            if (window.getScene() != null) {
                restyle(window.getScene());
            }
        }
    }

    private static void follow(Window window) {
        if (window.getScene() != null) {
            restyle(window.getScene());
        }
        window.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                restyle(scene);
            }
        });
    }

    /** The scene's stylesheets end with the current size's (a later sheet wins over the console's own). */
    public static void restyle(Scene scene) {
        scene.getStylesheets().removeIf(sheet -> sheet.startsWith(PREFIX));
        scene.getStylesheets().add(current.stylesheet());
    }

    private String stylesheet() {
        String family = I18n.fontFamily();
        String css = ".root { -fx-font-size: " + pixels + "px;" + (family == null ? ""
            : " -fx-font-family: \"" + family + "\";") + " }";
        return PREFIX + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return I18n.t("textSize." + name());
    }
}
