package dev.orderly.console.startup;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.client.StartupStep;
import dev.orderly.console.client.StartupStep.Component;
import dev.orderly.console.client.StartupStep.State;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The start-up screen: each backend component's state, overall progress, and a clear failure. */
public final class StartupViewModel {

    /** One component line of the start-up screen. */
    public static final class ComponentRow {
        private final Component component;
        private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.WAITING);
        private final StringProperty detail = new SimpleStringProperty("");

        ComponentRow(Component component) {
            this.component = component;
        }

        public Component component() {
            return component;
        }

        public ObjectProperty<State> stateProperty() {
            return state;
        }

        public StringProperty detailProperty() {
            return detail;
        }
    }

    private final TaskRunner runner;
    private final ObservableList<ComponentRow> rows = FXCollections.observableArrayList();
    private final Map<Component, ComponentRow> byComponent = new EnumMap<>(Component.class);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty(I18n.t("startup.title"));

    public StartupViewModel(TaskRunner runner) {
        this.runner = runner;
        for (Component component : Component.values()) {
            ComponentRow row = new ComponentRow(component);
            rows.add(row);
            byComponent.put(component, row);
        }
    }

    /** A component's name in the user's words. */
    public static String label(Component component) {
        return I18n.t("startup.component." + component.name());
    }

    /** A state's name in the user's words. */
    public static String label(State state) {
        return I18n.t("startup.state." + state.name());
    }

    /** Feeds a progress step from any thread. */
    public void report(StartupStep step) {
        runner.onUi(() -> apply(step));
    }

    private void apply(StartupStep step) {
        ComponentRow row = byComponent.get(step.component());
        row.state.set(step.state());
        row.detail.set(step.detail() == null ? "" : I18n.t("startup.detail." + step.detail().name(), step.value()));
        long ready = rows.stream().filter(r -> r.state.get() == State.READY).count();
        progress.set((double) ready / rows.size());
        if (step.state() == State.FAILED) {
            failed.set(true);
            message.set(I18n.t("startup.failed", label(step.component()), step.value()));
        }
    }

    /** Connects (starting the backend if in-process) and hands the client over when everything is up. */
    public void start(String what, Callable<OrderlyClient> connect, Consumer<OrderlyClient> onReady) {
        title.set(what);
        failed.set(false);
        message.set("");
        running.set(true);
        rows.forEach(r -> {
            r.state.set(State.WAITING);
            r.detail.set("");
        });
        progress.set(0);
        runner.run(connect, client -> {
            running.set(false);
            progress.set(1);
            rows.forEach(r -> r.state.set(State.READY));
            onReady.accept(client);
        }, error -> {
            running.set(false);
            failed.set(true);
            if (message.get().isEmpty()) {
                message.set(Messages.of(error));
            }
        });
    }

    public ObservableList<ComponentRow> rows() {
        return rows;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }
}
