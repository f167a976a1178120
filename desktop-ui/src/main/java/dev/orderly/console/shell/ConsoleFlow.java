package dev.orderly.console.shell;

import dev.orderly.console.client.EmbeddedBackend;
import dev.orderly.console.client.InProcessClient;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.client.RemoteClient;
import dev.orderly.console.orders.SubmissionWatcher;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.appearance.TextSize;
import dev.orderly.console.signin.SignInView;
import dev.orderly.console.signin.SignInViewModel;
import dev.orderly.console.startup.StartupView;
import dev.orderly.console.startup.StartupViewModel;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.UserView;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;

/** The console from start-up to shut-down: start-up screen, sign-in, then the shell. */
public final class ConsoleFlow {

    private final Stage stage;
    private final SettingsStore store;
    private final ConsoleSettings settings;
    private final TaskRunner runner;
    private final AtomicReference<OrderlyClient> client = new AtomicReference<>();
    private final Scene scene;
    private ConsoleShell shell;
    private Consumer<ConsoleShell> onShell = s -> { };

    public ConsoleFlow(Stage stage, SettingsStore store, ConsoleSettings settings, TaskRunner runner) {
        this.stage = stage;
        this.store = store;
        this.settings = settings;
        this.runner = runner;
        // The remembered look (AtlantaFX light or dark) and text size, from the first screen on.
        store.theme().apply();
        this.scene = new Scene(new javafx.scene.layout.Pane(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
            ConsoleFlow.class.getResource("/dev/orderly/console/console.css")).toExternalForm());
        // The language's words are read as each screen is built: a change applies at the next start.
        I18n.use(store.language().locale());
        store.textSize().apply();
        TextSize.restyle(scene);
        stage.setTitle("Orderly");
        stage.getIcons().add(new Image(Objects.requireNonNull(
            ConsoleFlow.class.getResource("/dev/orderly/console/orderly.png")).toExternalForm()));
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(650);
        stage.setOnCloseRequest(e -> shutdown());
    }

    /** Called once the signed-in shell is showing (tests and the screenshot tool wait for it). */
    public void onShell(Consumer<ConsoleShell> listener) {
        this.onShell = listener;
    }

    public void start() {
        StartupViewModel startup = new StartupViewModel(runner);
        Runnable connect = () -> connect(startup);
        show(new StartupView(startup, connect, this::quit));
        stage.show();
        connect.run();
    }

    private void connect(StartupViewModel startup) {
        if (settings.attach()) {
            startup.start(I18n.t("startup.attaching", settings.attachUrl()), () -> {
                RemoteClient remote = settings.attachClient();
                OrderlyClient.Health health = remote.health();
                if (!health.databaseUp() && !health.brokerUp()) {
                    remote.close();
                    throw new IllegalStateException(I18n.t("startup.noBackend", settings.attachUrl(),
                        health.detail(), store.file().toString()));
                }
                return remote;
            }, this::signIn);
        } else {
            startup.start(I18n.t("startup.title"), () -> new InProcessClient(
                EmbeddedBackend.start(settings.backendOptions(), startup::report)), this::signIn);
        }
    }

    private void signIn(OrderlyClient connected) {
        client.set(connected);
        SignInViewModel vm = new SignInViewModel(connected, runner, settings.lastUser());
        show(new SignInView(vm, connected.describe(), user -> showShell(connected, user)));
        // The title says where the user is (window lists, screen readers, the packaged app's test).
        stage.setTitle(I18n.t("window.signIn"));
    }

    /** Signs in without the form (the screenshot tool); the flow must be at the sign-in screen. */
    public void signInDirectly(String email, String password) {
        OrderlyClient connected = client.get();
        runner.run(() -> connected.signIn(email, password), user -> showShell(connected, user), e -> { });
    }

    private void showShell(OrderlyClient connected, UserView user) {
        try {
            store.save(store.load().withLastUser(user.email()));
        } catch (RuntimeException ignored) {
            // remembering the last user is a convenience only
        }
        ConsoleViewModel model = new ConsoleViewModel(connected, runner, user, store, settings, this::notifyOutcome);
        model.alerts().toasts(this::notifyAlert);
        shell = new ConsoleShell(model, store.file().toString());
        model.start();
        show(shell);
        stage.setTitle("Orderly - " + user.email());
        shell.installShortcuts(scene);
        onShell.accept(shell);
    }

    private void notifyOutcome(SubmissionWatcher.Outcome outcome) {
        try {
            Notifications note = Notifications.create().owner(stage)
                .title(I18n.t(outcome.success() ? "toast.processed" : "toast.failed")).text(outcome.text());
            if (outcome.success()) {
                note.showInformation();
            } else {
                note.showWarning();
            }
        } catch (RuntimeException ignored) {
            // a notification that cannot be shown (no window yet) is not worth failing over
        }
    }

    private void notifyAlert(String text) {
        try {
            Notifications.create().owner(stage).title("Alert").text(text).showWarning();
        } catch (RuntimeException ignored) {
            // as above
        }
    }

    private void show(Parent root) {
        scene.setRoot(root);
    }

    public Scene scene() {
        return scene;
    }

    public OrderlyClient client() {
        return client.get();
    }

    private void quit() {
        shutdown();
        Platform.exit();
    }

    /** Stops live updates, then the backend if it runs in this process. Safe to call twice. */
    public void shutdown() {
        if (shell != null) {
            shell.close();
            shell = null;
        }
        OrderlyClient current = client.getAndSet(null);
        if (current != null) {
            current.close();
        }
    }
}
