package dev.orderly.console.lesson;

import dev.orderly.console.util.I18n;
import dev.orderly.console.faults.FaultsViewModel;
import dev.orderly.console.lesson.LessonViewModel.Step;
import dev.orderly.console.util.Em;
import dev.orderly.model.InvariantReport.Violation;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Lesson screen: the six steps in a row, each one click; below them what to watch for the step just run, the
 * invariant checker (live while this screen is shown) and the state diagram across the whole width, so both are in
 * view as it happens.
 */
public final class LessonView extends VBox {

    public LessonView(LessonViewModel vm, FaultsViewModel checker, Node diagram) {
        Button reset = new Button(I18n.t("lesson.reset"));
        reset.setId("lesson-reset");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.disableProperty().bind(vm.busyProperty());
        reset.setOnAction(e -> vm.reset());
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setId("lesson-message");
        HBox top = new HBox(10, reset, message);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);

        // One row of six at the normal text size; the cards wrap to a second row when the text is larger.
        FlowPane steps = new FlowPane(8, 8);
        for (Step step : LessonViewModel.STEPS) {
            steps.getChildren().add(card(vm, step));
        }

        Label watch = new Label();
        watch.setWrapText(true);
        watch.setId("lesson-watch");
        watch.setMinHeight(Region.USE_PREF_SIZE);
        watch.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get() == 0
            ? I18n.t("lesson.intro") : I18n.t("lesson.watch", String.valueOf(vm.currentProperty().get()),
                LessonViewModel.STEPS.get(vm.currentProperty().get() - 1).watch()), vm.currentProperty()));

        Label verdict = new Label();
        verdict.textProperty().bind(checker.verdictProperty());
        verdict.setId("lesson-verdict");
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        verdict.styleProperty().bind(Bindings.when(checker.okProperty())
            .then("-fx-font-size: 1.2em; -fx-font-weight: bold; -fx-text-fill: -color-success-fg;")
            .otherwise("-fx-font-size: 1.2em; -fx-font-weight: bold; -fx-text-fill: -color-danger-fg;"));
        Label violations = new Label();
        violations.setWrapText(true);
        violations.setId("lesson-violations");
        checker.violations().addListener((ListChangeListener<Violation>) c -> violations.setText(
            String.join("; ", checker.violations().stream().map(v -> v.name() + ": " + String.join(", ",
                v.examples())).toList())));
        Label checkerTitle = new Label(I18n.t("lesson.checker"));
        checkerTitle.getStyleClass().add("section-title");
        checkerTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox checkerRow = new HBox(10, checkerTitle, verdict, violations);
        checkerRow.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(diagram, Priority.ALWAYS);
        getChildren().addAll(top, steps, watch, checkerRow, diagram);
        setSpacing(8);
        setStyle("-fx-padding: 0.8em;");
        setId("lesson-view");
    }

    private static VBox card(LessonViewModel vm, Step step) {
        Label title = new Label(step.number() + ". " + step.title());
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label does = new Label(step.does());
        does.setWrapText(true);
        does.setMinHeight(Region.USE_PREF_SIZE);
        does.getStyleClass().add("muted");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button run = new Button(I18n.t("lesson.run", String.valueOf(step.number())));
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.setId("lesson-step-" + step.number());
        run.disableProperty().bind(vm.busyProperty());
        run.setOnAction(e -> vm.run(step.number()));
        HBox buttons = new HBox(8, run);
        if (step.number() == 2) {
            buttons.getChildren().add(button(I18n.t("lesson.reconcile"), "lesson-reconcile", vm, vm::reconcile));
        } else if (step.number() == 5) {
            buttons.getChildren().add(button(I18n.t("lesson.redrive"), "lesson-redrive", vm, vm::redrive));
        }
        VBox card = new VBox(4, title, does, spacer, buttons);
        card.getStyleClass().add("card");
        Em.width(card, 15);
        card.styleProperty().bind(Bindings.when(vm.currentProperty().isEqualTo(step.number()))
            .then("-fx-border-color: -color-accent-emphasis; -fx-border-width: 2;").otherwise(""));
        return card;
    }

    private static Button button(String text, String id, LessonViewModel vm, Runnable action) {
        Button button = new Button(text);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setId(id);
        button.disableProperty().bind(vm.busyProperty());
        button.setOnAction(e -> action.run());
        return button;
    }
}
