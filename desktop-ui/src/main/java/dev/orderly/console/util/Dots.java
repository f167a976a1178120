package dev.orderly.console.util;

import javafx.scene.control.Label;

/** The small coloured status dot used across screens. */
public final class Dots {

    private Dots() {
    }

    public static Label dot() {
        Label dot = new Label("\u25CF");
        dot.getStyleClass().add("dot");
        // A screen reader would say "black circle": it says the state instead.
        dot.setAccessibleText(I18n.t("dot.unknown"));
        return dot;
    }

    /** Sets exactly one state class (up, down, ready, starting, failed) on the dot. */
    public static void set(Label dot, String state) {
        dot.getStyleClass().removeAll("up", "down", "ready", "starting", "failed", "waiting");
        dot.getStyleClass().add(state);
        dot.setAccessibleText(I18n.t("dot." + state));
    }
}
