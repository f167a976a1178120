package dev.orderly.console;

import dev.orderly.console.settings.ConsoleSettings;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;

/**
 * Entry point (not an {@code Application} subclass, so it starts from a plain classpath). Options, all optional:
 * {@code --attach=http://host:8080}, {@code --data-dir=DIR}, {@code --http-port=N}, {@code --kafka-port=N},
 * {@code --settings=FILE}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(OrderlyConsole.class, args);
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
