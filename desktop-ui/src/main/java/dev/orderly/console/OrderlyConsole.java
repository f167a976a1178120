package dev.orderly.console;

import dev.orderly.console.shell.ConsoleFlow;
import dev.orderly.console.util.FxTaskRunner;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. Start it through {@link Launcher}. */
public class OrderlyConsole extends Application {

    private ConsoleFlow flow;

    @Override
    public void start(Stage stage) {
        Launcher.Startup startup = Launcher.startup(getParameters().getNamed(),
            Path.of(System.getProperty("user.home")), System.getenv());
        flow = new ConsoleFlow(stage, startup.store(), startup.settings(), new FxTaskRunner());
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
