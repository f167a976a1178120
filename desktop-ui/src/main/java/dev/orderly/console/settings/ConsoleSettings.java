package dev.orderly.console.settings;

import dev.orderly.console.client.BackendOptions;
import dev.orderly.console.client.RemoteClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the console remembers between runs, by concern: which backend (attach or in-process), its Kafka, its
 * database, certificates, the payment simulator it starts with, and who signed in last. The look (theme) is kept
 * apart ({@link SettingsStore#theme()}): it applies at once. Change one part with the {@code with...} methods, so
 * every other saved field is carried over whole.
 */
public record ConsoleSettings(ConnectionSettings connection, KafkaSettings kafka, DatabaseSettings database,
    TlsSettings tls, SimulatorSettings simulator, String lastUser) {

    public ConsoleSettings {
        kafka = kafka == null ? KafkaSettings.EMBEDDED : kafka;
        database = database == null ? DatabaseSettings.EMBEDDED : database;
        tls = tls == null ? TlsSettings.NONE : tls;
        simulator = simulator == null ? SimulatorSettings.DEFAULT : simulator;
        lastUser = lastUser == null ? "" : lastUser;
    }

    public static ConsoleSettings defaults(Path home) {
        return new ConsoleSettings(new ConnectionSettings(false, "http://127.0.0.1:8080", home.resolve(".orderly"),
            8080), KafkaSettings.EMBEDDED, DatabaseSettings.EMBEDDED, TlsSettings.NONE, SimulatorSettings.DEFAULT,
            "staff@example.com");
    }

    /** An in-process backend in {@code dataDir} on any free ports, everything else default (tests and tools). */
    public static ConsoleSettings inProcess(Path dataDir) {
        ConsoleSettings defaults = defaults(dataDir);
        return defaults.withConnection(new ConnectionSettings(false, "", dataDir, 0))
            .withKafka(KafkaSettings.EMBEDDED.withPort(0));
    }

    /** A console attached to the backend at {@code url}, everything else default (tests and tools). */
    public static ConsoleSettings attachedTo(String url, Path unusedDataDir) {
        return defaults(unusedDataDir).withConnection(new ConnectionSettings(true, url, unusedDataDir, 0));
    }

    public ConsoleSettings withConnection(ConnectionSettings value) {
        return new ConsoleSettings(value, kafka, database, tls, simulator, lastUser);
    }

    public ConsoleSettings withKafka(KafkaSettings value) {
        return new ConsoleSettings(connection, value, database, tls, simulator, lastUser);
    }

    public ConsoleSettings withDatabase(DatabaseSettings value) {
        return new ConsoleSettings(connection, kafka, value, tls, simulator, lastUser);
    }

    public ConsoleSettings withTls(TlsSettings value) {
        return new ConsoleSettings(connection, kafka, database, value, simulator, lastUser);
    }

    public ConsoleSettings withSimulator(SimulatorSettings value) {
        return new ConsoleSettings(connection, kafka, database, tls, value, lastUser);
    }

    public ConsoleSettings withLastUser(String user) {
        return new ConsoleSettings(connection, kafka, database, tls, simulator, user);
    }

    public boolean attach() {
        return connection.attach();
    }

    public String attachUrl() {
        return connection.attachUrl();
    }

    public BackendOptions backendOptions() {
        Map<String, String> extra = new LinkedHashMap<>(simulator.backendProperties());
        extra.putAll(kafka.backendProperties(tls));
        extra.putAll(database.backendProperties());
        return new BackendOptions(connection.dataDir(), connection.httpPort(), kafka.mode(), kafka.port(),
            kafka.bootstrapServers(), extra);
    }

    /** Whether switching from {@code other} to these settings needs the backend restarted (all but the simulator). */
    public boolean needsRestartComparedTo(ConsoleSettings other) {
        return !connection.equals(other.connection) || !kafka.equals(other.kafka) || !database.equals(other.database)
            || !tls.equals(other.tls);
    }

    /** A client for the backend at {@code attachUrl}, trusting the configured certificate for https. */
    public RemoteClient attachClient() {
        return new RemoteClient(connection.attachUrl(), tls.backendTrust());
    }
}
