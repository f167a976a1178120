package dev.orderly.console;

import dev.orderly.backend.OrderlyBackendApplication;
import dev.orderly.console.settings.ConnectionSettings;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.KafkaSettings;
import dev.orderly.console.settings.SettingsStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javafx.application.Application;

/**
 * Entry point (not an {@code Application} subclass, so it starts from a plain classpath). Options, all optional:
 * {@code --attach=http://host:8080}, {@code --data-dir=DIR}, {@code --http-port=N}, {@code --kafka-port=N},
 * {@code --settings=FILE}; or {@code --headless} first, then backend options: the backend alone, no window.
 */
public final class Launcher {

    private Launcher() {
    }

    /** The Debian/Ubuntu packages JavaFX's Linux window toolkit needs. */
    static final String DESKTOP_PACKAGES = "libgtk-3-0 libgl1 libxtst6 libxxf86vm1";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--headless")) {
            // The backend alone, no window (the app image's way to what ./orderly --headless does with the jar).
            OrderlyBackendApplication.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        try {
            Application.launch(OrderlyConsole.class, args);
        } catch (RuntimeException | Error e) {
            String sentence = explain(e);
            if (sentence == null) {
                throw e;
            }
            System.err.println(sentence);
            System.exit(1);
        }
    }

    /** One sentence for a start-up failure a user can fix, or null when the failure is not one of those. */
    static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Unable to load glass GTK library") || message.contains("Unable to open DISPLAY")) {
                return "The console needs a desktop: a display and the GTK 3 libraries JavaFX draws with are missing"
                    + " here. Install them with: sudo apt-get install -y " + DESKTOP_PACKAGES + " (or run the"
                    + " backend alone with ./orderly --headless).";
            }
        }
        return null;
    }

    /**
     * The saved settings with the command line's options applied: each option changes its own field and nothing
     * else (the database, certificates, topics and simulator saved in Settings are kept whole).
     */
    static ConsoleSettings applyOverrides(ConsoleSettings saved, Map<String, String> named) {
        ConnectionSettings connection = saved.connection();
        if (named.containsKey("attach")) {
            connection = connection.withAttachUrl(named.get("attach"));
        }
        if (named.containsKey("data-dir")) {
            connection = connection.withDataDir(Path.of(named.get("data-dir")));
        }
        if (named.containsKey("http-port")) {
            connection = connection.withHttpPort(Integer.parseInt(named.get("http-port")));
        }
        KafkaSettings kafka = saved.kafka();
        if (named.containsKey("kafka-port")) {
            kafka = kafka.withPort(Integer.parseInt(named.get("kafka-port")));
        }
        return saved.withConnection(connection).withKafka(kafka);
    }

    /**
     * What a console starts with, exactly as {@code ./orderly} starts it: the settings file ({@code --settings=FILE},
     * else {@code console.properties} in {@code home}'s {@code .orderly}) with the command line's options applied;
     * passwords from the keyring that {@code environment} names, or the owner-only file.
     */
    static Startup startup(Map<String, String> named, Path home, Map<String, String> environment) {
        Path file = Path.of(named.getOrDefault("settings", home.resolve(".orderly").resolve("console.properties")
            .toString()));
        SettingsStore store = SettingsStore.forConsole(file, ConsoleSettings.defaults(home), environment);
        return new Startup(store, applyOverrides(store.load(), named));
    }

    /** Where the settings are kept, and those the console starts with. */
    record Startup(SettingsStore store, ConsoleSettings settings) {
    }
}
