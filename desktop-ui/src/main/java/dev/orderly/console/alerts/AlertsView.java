package dev.orderly.console.alerts;

import dev.orderly.console.alerts.Watch.CheckerWatch;
import dev.orderly.console.alerts.Watch.DeadLetterWatch;
import dev.orderly.console.alerts.Watch.OutageWatch;
import dev.orderly.console.util.Em;
import dev.orderly.console.util.I18n;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Alerts screen: what is watched (add, remove) beside what the watches raised, newest first. */
public final class AlertsView extends SplitPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    public AlertsView(AlertsViewModel vm, Consumer<Alert> open) {
        TextField order = field("alerts-order", "alerts.order.prompt", 6, "alerts.order.accessible");
        Button watchOrder = button("alerts.watchOrder", "alerts-watch-order", () -> {
            if (vm.watchOrder(order.getText())) {
                order.clear();
            }
        });
        TextField customer = field("alerts-customer", "alerts.customer.prompt", 14, "alerts.customer.accessible");
        Button watchCustomer = button("alerts.watchCustomer", "alerts-watch-customer", () -> {
            if (vm.watchCustomer(customer.getText())) {
                customer.clear();
            }
        });
        TextField stuck = field("alerts-stuck", "alerts.seconds", 5, "alerts.stuck.accessible");
        stuck.setText("60");
        Button watchStuck = button("alerts.watchStuck", "alerts-watch-stuck", () -> vm.watchStuck(stuck.getText()));
        TextField lag = field("alerts-lag", "alerts.records", 5, "alerts.lag.accessible");
        lag.setText("1000");
        TextField lagFor = field("alerts-lag-for", "alerts.seconds", 4, "alerts.lagFor.accessible");
        lagFor.setText("30");
        Button watchLag = button("alerts.watchLag", "alerts-watch-lag",
            () -> vm.watchLag(lag.getText(), lagFor.getText()));
        FlowPane conditions = new FlowPane(6, 6,
            button("alerts.watchDeadLetters", "alerts-watch-dead-letters", () -> vm.add(new DeadLetterWatch())),
            button("alerts.watchOutages", "alerts-watch-outage", () -> vm.add(new OutageWatch())),
            button("alerts.watchChecker", "alerts-watch-checker", () -> vm.add(new CheckerWatch())));

        ListView<Watch> watches = new ListView<>(vm.watches());
        watches.setId("alerts-watches");
        watches.setAccessibleText(I18n.t("alerts.watches.accessible"));
        Button remove = button("alerts.stop", "alerts-remove", () -> {
            Watch chosen = watches.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                vm.remove(chosen);
            }
        });
        remove.disableProperty().bind(watches.getSelectionModel().selectedItemProperty().isNull());
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setId("alerts-message");
        VBox.setVgrow(watches, Priority.ALWAYS);
        VBox left = new VBox(6, title(I18n.t("alerts.watches")), row(order, watchOrder), row(customer, watchCustomer),
            row(new Label(I18n.t("alerts.stuck.before")), stuck, new Label(I18n.t("alerts.stuck.after")), watchStuck),
            row(new Label(I18n.t("alerts.lag.before")), lag, new Label(I18n.t("alerts.lag.for")), lagFor,
                new Label(I18n.t("alerts.lag.after")), watchLag), conditions,
            watches, remove, message);
        left.getStyleClass().add("form-pane");

        ListView<Alert> alerts = new ListView<>(vm.alerts());
        alerts.setId("alerts-list");
        alerts.setAccessibleText(I18n.t("alerts.list.accessible"));
        alerts.setCellFactory(list -> new ListCell<>() {
            {
                // Two lines each: the theme's cell size is one line, which cut the second line's foot (its
                // underscores, in Korean's taller font).
                setStyle("-fx-cell-size: 3.6em;");
            }

            @Override
            protected void updateItem(Alert alert, boolean empty) {
                super.updateItem(alert, empty);
                setText(empty || alert == null ? null : TIME.format(alert.at()) + "  " + alert.title() + "\n    "
                    + alert.text());
            }
        });
        Runnable openChosen = () -> {
            Alert chosen = alerts.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                open.accept(chosen);
            }
        };
        alerts.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openChosen.run();
            }
        });
        alerts.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openChosen.run();
                e.consume();
            }
        });
        Button read = button("alerts.markRead", "alerts-read", vm::markAllRead);
        Label unread = new Label();
        unread.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("alerts.unread",
            vm.unreadProperty().get()), vm.unreadProperty()));
        Label active = new Label();
        active.textProperty().bind(Bindings.createStringBinding(() -> vm.active().isEmpty()
            ? I18n.t("alerts.allWell") : I18n.t("alerts.now", String.join(", ", vm.active())), vm.active()));
        active.setId("alerts-active");
        Label hint = new Label(I18n.t("alerts.hint"));
        hint.getStyleClass().add("muted");
        VBox.setVgrow(alerts, Priority.ALWAYS);
        VBox right = new VBox(6, title(I18n.t("alerts.alerts")), row(read, unread, active), alerts, hint);
        right.getStyleClass().add("form-pane");
        getItems().setAll(left, right);
        setDividerPositions(0.42);
        setId("alerts-view");
    }

    /** A row of controls that wraps rather than squeezes its words when the text is large. */
    private static FlowPane row(Node... nodes) {
        FlowPane row = new FlowPane(6, 4, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("section-title");
        return title;
    }

    private static TextField field(String id, String promptKey, double ems, String accessibleKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(I18n.t(promptKey));
        field.setAccessibleText(I18n.t(accessibleKey));
        Em.width(field, ems);
        return field;
    }

    private static Button button(String textKey, String id, Runnable action) {
        Button button = new Button(I18n.t(textKey));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
