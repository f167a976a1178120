package dev.orderly.console.startup;

import dev.orderly.console.util.Dots;
import dev.orderly.console.util.Em;
import dev.orderly.console.util.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Each backend component coming up, with overall progress and, on failure, what went wrong and what to do. */
public final class StartupView extends StackPane {

    public StartupView(StartupViewModel vm, Runnable retry, Runnable quit) {
        getStyleClass().add("startup");
        Label title = new Label();
        title.getStyleClass().add("startup-title");
        title.textProperty().bind(vm.titleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.accessibleTextProperty().bind(vm.titleProperty());

        GridPane components = new GridPane();
        components.setHgap(10);
        components.setVgap(8);
        int row = 0;
        for (StartupViewModel.ComponentRow line : vm.rows()) {
            Label dot = Dots.dot();
            Dots.set(dot, line.stateProperty().get().name().toLowerCase());
            line.stateProperty().addListener((o, a, state) -> Dots.set(dot, state.name().toLowerCase()));
            Label name = new Label(StartupViewModel.label(line.component()));
            Em.minWidth(name, 11.5);
            Label state = new Label();
            state.textProperty().bind(Bindings.createStringBinding(() -> StartupViewModel.label(
                line.stateProperty().get()), line.stateProperty()));
            Em.minWidth(state, 6.2);
            state.getStyleClass().add("muted");
            Label detail = new Label();
            detail.textProperty().bind(line.detailProperty());
            detail.getStyleClass().add("muted");
            detail.setWrapText(true);
            Em.maxWidth(detail, 23.1);
            components.addRow(row++, dot, name, state, detail);
        }

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("error-text");
        message.setStyle("-fx-font-size: 1em;");
        message.setWrapText(true);
        Em.maxWidth(message, 44.6);
        Button retryButton = new Button(I18n.t("startup.retry"));
        retryButton.setDefaultButton(true);
        retryButton.setOnAction(e -> retry.run());
        Button quitButton = new Button(I18n.t("startup.quit"));
        quitButton.setOnAction(e -> quit.run());
        HBox buttons = new HBox(10, retryButton, quitButton);
        buttons.visibleProperty().bind(vm.failedProperty());
        buttons.managedProperty().bind(vm.failedProperty());

        Label hint = new Label(I18n.t("startup.hint"));
        hint.getStyleClass().add("muted");
        VBox card = new VBox(14, title, hint, progress, components, message, buttons);
        card.getStyleClass().add("card");
        VBox.setVgrow(components, Priority.NEVER);
        card.setMaxHeight(USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        setId("startup-view");
        progress.setId("startup-progress");
        message.setId("startup-message");
        retryButton.setId("startup-retry");
        components.setId("startup-components");
    }
}
