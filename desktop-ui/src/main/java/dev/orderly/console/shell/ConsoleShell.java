package dev.orderly.console.shell;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.deadletters.DeadLettersView;
import dev.orderly.console.deadletters.DeadLettersViewModel;
import dev.orderly.console.faults.FaultsView;
import dev.orderly.console.faults.FaultsViewModel;
import dev.orderly.console.orders.OrderDetailView;
import dev.orderly.console.orders.OrderDetailViewModel;
import dev.orderly.console.orders.OrderFormView;
import dev.orderly.console.orders.OrderFormViewModel;
import dev.orderly.console.orders.OrdersTableView;
import dev.orderly.console.orders.OrdersView;
import dev.orderly.console.orders.OrdersViewModel;
import dev.orderly.console.orders.SubmissionWatcher;
import dev.orderly.console.pipeline.PipelineView;
import dev.orderly.console.pipeline.PipelineViewModel;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.settings.SettingsView;
import dev.orderly.console.settings.SettingsViewModel;
import dev.orderly.console.statemachine.StateMachineView;
import dev.orderly.console.statemachine.StateMachineViewModel;
import dev.orderly.console.util.Dots;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.UserView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The signed-in console: header, one tab per screen, status bar, shortcuts. */
public final class ConsoleShell extends BorderPane implements AutoCloseable {

    private final List<Runnable> subscriptions = new ArrayList<>();
    private final TabPane tabs = new TabPane();
    private final OrdersViewModel orders;
    private final OrderFormView formView;
    private final OrdersTableView tableView;
    private final OrderDetailViewModel detail;
    private final StateMachineViewModel stateMachine;
    private final PipelineViewModel pipeline;
    private final PipelineView pipelineView;
    private final DeadLettersViewModel deadLetters;
    private final DeadLettersView deadLettersView;
    private final FaultsViewModel faults;
    private final SubmissionWatcher watcher;
    private final ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orderly-health");
        t.setDaemon(true);
        return t;
    });

    public ConsoleShell(OrderlyClient client, TaskRunner runner, UserView user, SettingsStore store,
        ConsoleSettings running, Consumer<SubmissionWatcher.Outcome> notify) {
        orders = new OrdersViewModel(client, runner, user);
        OrderFormViewModel form = new OrderFormViewModel(client, runner);
        detail = new OrderDetailViewModel(client, runner, user);
        stateMachine = new StateMachineViewModel(client, runner, user);
        pipeline = new PipelineViewModel(client, runner);
        deadLetters = new DeadLettersViewModel(client, runner);
        faults = new FaultsViewModel(client, runner);
        watcher = new SubmissionWatcher(client, runner, notify);

        tableView = new OrdersTableView(orders, detail::select);
        formView = new OrderFormView(form, id -> {
            watcher.watch(id);
            detail.select(id);
        });
        OrdersView ordersView = new OrdersView(formView, tableView, new OrderDetailView(detail));
        detail.orderProperty().addListener((o, a, order) -> stateMachine.show(order));
        pipelineView = new PipelineView(pipeline);
        deadLettersView = new DeadLettersView(deadLetters);

        tabs.getTabs().add(tab("Orders", ordersView, "tab-orders"));
        tabs.getTabs().add(tab("State machine", new StateMachineView(stateMachine), "tab-statemachine"));
        if (user.isStaff()) {
            tabs.getTabs().add(tab("Pipeline", pipelineView, "tab-pipeline"));
            tabs.getTabs().add(tab("Dead letters", deadLettersView, "tab-deadletters"));
            tabs.getTabs().add(tab("Faults", new FaultsView(faults), "tab-faults"));
        }
        tabs.getTabs().add(tab("Settings", new SettingsView(new SettingsViewModel(store, running, client, runner,
            user.isStaff()), store.file().toString()), "tab-settings"));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab != null && "tab-deadletters".equals(tab.getId())) {
                deadLetters.load();
            }
        });

        setTop(header(client, user));
        setCenter(tabs);
        setBottom(statusBar(client));

        subscriptions.add(orders.listen());
        subscriptions.add(stateMachine.listen());
        subscriptions.add(client.onStatusChange(change -> {
            if (change.orderId() == detail.selectedId()) {
                runner.onUi(detail::reload);
            }
        }));
        if (user.isStaff()) {
            subscriptions.add(pipeline.listen());
        }
        refresh();
        health.scheduleWithFixedDelay(pipeline::checkHealth, 0, 5, TimeUnit.SECONDS);
        if (user.isStaff()) {
            health.scheduleWithFixedDelay(() -> runner.onUi(() -> {
                if (isShowing("tab-faults")) {
                    faults.refresh();
                }
            }), 0, 2, TimeUnit.SECONDS);
        }
        setId("console-shell");
    }

    /** Reloads everything from the backend (F5). */
    public void refresh() {
        orders.load();
        stateMachine.loadCounts();
        pipeline.refresh();
        detail.reload();
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
            KeyCode.DIGIT6};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> {
                if (index < tabs.getTabs().size()) {
                    tabs.getSelectionModel().select(index);
                }
            });
        }
    }

    private boolean isShowing(String id) {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected != null && id.equals(selected.getId());
    }

    public FaultsViewModel faults() {
        return faults;
    }

    public void selectTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
            .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public OrdersViewModel orders() {
        return orders;
    }

    public OrdersTableView ordersTable() {
        return tableView;
    }

    public OrderDetailViewModel detail() {
        return detail;
    }

    public StateMachineViewModel stateMachine() {
        return stateMachine;
    }

    public PipelineViewModel pipeline() {
        return pipeline;
    }

    public void selectAllDeadLetters() {
        deadLettersView.table().getSelectionModel().selectAll();
    }

    public PipelineView pipelineView() {
        return pipelineView;
    }

    public DeadLettersViewModel deadLetters() {
        return deadLetters;
    }

    private static Tab tab(String title, javafx.scene.Node content, String id) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        tab.setId(id);
        return tab;
    }

    private HBox header(OrderlyClient client, UserView user) {
        Label title = new Label("Orderly");
        title.getStyleClass().add("title");
        Label mode = new Label(client.describe());
        mode.getStyleClass().add("subtle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label who = new Label(user.email() + " (" + user.role().toLowerCase() + ")");
        who.getStyleClass().add("subtle");
        who.setId("header-user");
        Label keys = new Label("Ctrl+N new order  |  Ctrl+Enter submit  |  F5 refresh  |  Ctrl+1..6 screens");
        keys.getStyleClass().add("subtle");
        HBox header = new HBox(title, mode, spacer, keys, who);
        header.getStyleClass().add("header");
        return header;
    }

    private HBox statusBar(OrderlyClient client) {
        Label broker = Dots.dot();
        Label db = Dots.dot();
        pipeline.brokerUpProperty().addListener((o, a, up) -> Dots.set(broker, up ? "up" : "down"));
        pipeline.databaseUpProperty().addListener((o, a, up) -> Dots.set(db, up ? "up" : "down"));
        Label health = new Label();
        health.textProperty().bind(pipeline.healthProperty());
        health.setId("status-health");
        Label rates = new Label();
        rates.textProperty().bind(pipeline.ratesProperty());
        Label count = new Label();
        count.textProperty().bind(orders.messageProperty());
        HBox bar = new HBox(broker, new Label("Kafka"), db, new Label("H2"), health, rates, count);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    @Override
    public void close() {
        subscriptions.forEach(Runnable::run);
        watcher.close();
        health.shutdownNow();
    }
}
