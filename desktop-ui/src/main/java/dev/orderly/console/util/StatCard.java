package dev.orderly.console.util;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A small card of one live figure: its name above, its value in large type; it grows with its row. */
public final class StatCard {

    private StatCard() {
    }

    /**
     * @param id the value label's id (tests look it up)
     * @param compact a smaller value that wraps, for figures that are sentences rather than numbers
     */
    public static VBox of(String name, ObservableValue<String> value, String id, boolean compact) {
        Label title = new Label(name);
        title.getStyleClass().add("stat-label");
        Label text = new Label();
        text.textProperty().bind(value);
        text.getStyleClass().add("value");
        text.setId(id);
        if (compact) {
            text.setStyle("-fx-font-size: 1em;");
            text.setWrapText(true);
            // A sentence wraps onto a second line instead of ending in "...".
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        VBox box = new VBox(2, title, text);
        box.getStyleClass().add("stat");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
