package dev.orderly.console.shell;

import dev.orderly.console.alerts.Alert;
import dev.orderly.console.alerts.AlertsView;
import dev.orderly.console.audit.AuditView;
import dev.orderly.console.deadletters.DeadLettersView;
import dev.orderly.console.topics.TopicsView;
import dev.orderly.console.faults.FaultsView;
import dev.orderly.console.lesson.LessonView;
import dev.orderly.console.load.LoadView;
import dev.orderly.console.orders.OrderDetailView;
import dev.orderly.console.orders.OrderFormView;
import dev.orderly.console.orders.OrdersTableView;
import dev.orderly.console.orders.OrdersView;
import dev.orderly.console.pipeline.PipelineView;
import dev.orderly.console.settings.SettingsView;
import dev.orderly.console.shell.ConsoleViewModel.Screen;
import dev.orderly.console.statemachine.StateMachineView;
import dev.orderly.console.util.Dots;
import dev.orderly.console.util.Em;
import dev.orderly.console.util.I18n;
import dev.orderly.model.UserView;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The signed-in console's layout: header, one tab per screen, status bar, shortcuts. Everything it shows comes
 * from {@link ConsoleViewModel}, which owns the screens' view-models and their subscriptions.
 */
public final class ConsoleShell extends BorderPane implements AutoCloseable {

    private final ConsoleViewModel model;
    private final TabPane tabs = new TabPane();
    private final OrderFormView formView;
    private final OrdersTableView tableView;
    private final PipelineView pipelineView;
    private final DeadLettersView deadLettersView;
    private final TopicsView topicsView;

    public ConsoleShell(ConsoleViewModel model, String settingsFile) {
        this.model = model;
        UserView user = model.user();
        tableView = new OrdersTableView(model.orders(), model.detail()::select);
        formView = new OrderFormView(model.form(), model::submitted);
        pipelineView = new PipelineView(model.pipeline(), orderId -> {
            tabs.getSelectionModel().select(0);
            model.detail().select(orderId);
        });
        deadLettersView = new DeadLettersView(model.deadLetters());
        topicsView = new TopicsView(model.topics(), model.replay(), model.offsets());

        tabs.getTabs().add(tab("tab.orders", new OrdersView(formView, tableView, new OrderDetailView(model.detail(),
            user.isStaff() ? this::followOnKafka : null)),
            Screen.ORDERS));
        tabs.getTabs().add(tab("tab.stateMachine", new StateMachineView(model.stateMachine()), Screen.STATE_MACHINE));
        if (user.isStaff()) {
            tabs.getTabs().add(tab("tab.pipeline", scrolling(pipelineView), Screen.PIPELINE));
            tabs.getTabs().add(tab("tab.deadLetters", deadLettersView, Screen.DEAD_LETTERS));
            tabs.getTabs().add(tab("tab.faults", scrolling(new FaultsView(model.faults())), Screen.FAULTS));
            tabs.getTabs().add(tab("tab.lesson", scrolling(new LessonView(model.lesson(), model.faults(),
                new StateMachineView(model.stateMachine()))), Screen.LESSON));
            tabs.getTabs().add(tab("tab.load", scrolling(new LoadView(model.load())), Screen.LOAD));
            tabs.getTabs().add(tab("tab.audit", new AuditView(model.audit()), Screen.AUDIT));
            tabs.getTabs().add(tab("tab.topics", topicsView, Screen.TOPICS));
            tabs.getTabs().add(tab("tab.alerts", new AlertsView(model.alerts(), this::open), Screen.ALERTS));
        }
        tabs.getTabs().add(tab("tab.settings", new SettingsView(model.settings(), settingsFile), Screen.SETTINGS));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab != null) {
                model.shown((Screen) tab.getUserData());
            }
        });

        setTop(header(user));
        setCenter(tabs);
        setBottom(statusBar());
        setId("console-shell");
    }

    public ConsoleViewModel model() {
        return model;
    }

    /** Reloads everything from the backend (F5). */
    public void refresh() {
        model.refresh();
    }

    /** Installs the keyboard shortcuts on the scene. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            tabs.getSelectionModel().select(0);
            formView.focusFirst();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
            formView::submitIfValid);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> {
                if (index < tabs.getTabs().size()) {
                    tabs.getSelectionModel().select(index);
                }
            });
        }
    }

    public void selectTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
            .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public OrdersTableView ordersTable() {
        return tableView;
    }

    public PipelineView pipelineView() {
        return pipelineView;
    }

    /** The Topics screen, following {@code orderId} across the pipeline's topics. */
    private void followOnKafka(long orderId) {
        selectTab("tab-topics");
        model.topics().followedProperty().set(Long.toString(orderId));
        model.topics().followOrder();
    }

    /** Shows what an alert is about: the order's detail, or the screen. */
    private void open(Alert alert) {
        switch (alert.where()) {
            case ORDER -> {
                tabs.getSelectionModel().select(0);
                model.detail().select(alert.orderId());
            }
            case PIPELINE -> selectTab("tab-pipeline");
            case DEAD_LETTERS -> selectTab("tab-deadletters");
            case FAULTS -> selectTab("tab-faults");
            default -> throw new IllegalStateException(alert.where().name());
        }
    }

    public TopicsView topicsView() {
        return topicsView;
    }

    public void selectAllDeadLetters() {
        deadLettersView.table().getSelectionModel().selectAll();
    }

    /** A screen that fills the window when it fits and scrolls when it does not (large text, a short window). */
    private static ScrollPane scrolling(Region screen) {
        ScrollPane pane = new ScrollPane(screen);
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        return pane;
    }

    private static Tab tab(String titleKey, Node content, Screen screen) {
        Tab tab = new Tab(I18n.t(titleKey), content);
        tab.setClosable(false);
        tab.setId("tab-" + screen.name().toLowerCase().replace("_", ""));
        tab.setUserData(screen);
        return tab;
    }

    private HBox header(UserView user) {
        Label title = new Label("Orderly");
        title.getStyleClass().add("title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label mode = new Label(model.connection());
        mode.getStyleClass().addAll("subtle", "gives-way");
        mode.setId("header-connection");
        Label instance = new Label(user.instance() == null ? "" : I18n.t("header.backend", user.instance()));
        instance.getStyleClass().add("subtle");
        instance.setMinWidth(Region.USE_PREF_SIZE);
        instance.setId("header-instance");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label who = new Label(I18n.t("header.user", user.email(),
            I18n.t(user.isStaff() ? "role.staff" : "role.customer")));
        who.getStyleClass().add("subtle");
        who.setMinWidth(Region.USE_PREF_SIZE);
        who.setId("header-user");
        // The first to give way on a narrow window: the shortcuts, then the connection text.
        Label keys = new Label(I18n.t("header.keys"));
        keys.getStyleClass().addAll("subtle", "gives-way");
        keys.setMinWidth(0);
        Em.minWidth(mode, 9.2);
        HBox header = new HBox(title, mode, instance, spacer, keys);
        if (user.isStaff()) {
            Button bell = new Button();
            var unread = model.alerts().unreadProperty();
            bell.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("header.alerts", unread.get()),
                unread));
            bell.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> I18n.t("header.alerts.accessible", unread.get()), unread));
            bell.setId("header-alerts");
            bell.setMinWidth(Region.USE_PREF_SIZE);
            bell.setFocusTraversable(false);
            bell.setOnAction(e -> {
                selectTab("tab-alerts");
                model.alerts().markAllRead();
            });
            header.getChildren().add(bell);
        }
        header.getChildren().add(who);
        header.getStyleClass().add("header");
        return header;
    }

    private HBox statusBar() {
        Label broker = Dots.dot();
        Label db = Dots.dot();
        model.pipeline().brokerUpProperty().addListener((o, a, up) -> Dots.set(broker, up ? "up" : "down"));
        model.pipeline().databaseUpProperty().addListener((o, a, up) -> Dots.set(db, up ? "up" : "down"));
        Label health = new Label();
        health.textProperty().bind(model.pipeline().healthProperty());
        health.setId("status-health");
        Label rates = new Label();
        rates.textProperty().bind(model.pipeline().ratesProperty());
        Label count = new Label();
        count.textProperty().bind(model.orders().messageProperty());
        Label database = new Label();
        database.textProperty().bind(model.pipeline().databaseNameProperty());
        database.setId("status-database");
        HBox bar = new HBox(broker, new Label(I18n.t("status.kafka")), db, database, health, rates, count);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    @Override
    public void close() {
        model.close();
    }
}
