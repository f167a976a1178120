package dev.orderly.console;

import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.shell.ConsoleFlow;
import dev.orderly.console.util.FxTaskRunner;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. Start it through {@link Launcher}. */
public class OrderlyConsole extends Application {

    private ConsoleFlow flow;

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Path home = Path.of(System.getProperty("user.home"));
        Path file = Path.of(named.getOrDefault("settings", home.resolve(".orderly").resolve("console.properties")
            .toString()));
        SettingsStore store = SettingsStore.forConsole(file, ConsoleSettings.defaults(home));
        ConsoleSettings settings = Launcher.applyOverrides(store.load(), named);
        flow = new ConsoleFlow(stage, store, settings, new FxTaskRunner());
        Thread hook = new Thread(flow::shutdown, "orderly-console-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        flow.start();
    }

    @Override
    public void stop() {
        if (flow != null) {
            flow.shutdown();
        }
    }
}
