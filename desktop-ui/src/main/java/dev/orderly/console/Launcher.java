package dev.orderly.console;

import dev.orderly.backend.OrderlyBackendApplication;
import dev.orderly.console.settings.ConsoleSettings;
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

    static ConsoleSettings applyOverrides(ConsoleSettings s, Map<String, String> named) {
        boolean attach = named.containsKey("attach") || s.attach();
        String url = named.getOrDefault("attach", s.attachUrl());
        Path dataDir = named.containsKey("data-dir") ? Path.of(named.get("data-dir")) : s.dataDir();
        int http = named.containsKey("http-port") ? Integer.parseInt(named.get("http-port")) : s.httpPort();
        int kafka = named.containsKey("kafka-port") ? Integer.parseInt(named.get("kafka-port")) : s.kafkaPort();
        return new ConsoleSettings(attach, url, dataDir, http, s.kafkaMode(), kafka, s.bootstrapServers(),
            s.securityProtocol(), s.saslMechanism(), s.saslJaasConfig(), s.gatewayLatencyMinMs(),
            s.gatewayLatencyMaxMs(), s.gatewayErrorRate(), s.gatewayTimeoutRate(), s.lastUser());
    }
}
