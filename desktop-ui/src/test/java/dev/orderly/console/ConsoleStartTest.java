package dev.orderly.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.console.client.EmbeddedBackend;
import dev.orderly.console.client.StartupStep.Component;
import dev.orderly.console.settings.ConnectionSettings;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.DatabaseSettings;
import dev.orderly.console.settings.KafkaSettings;
import dev.orderly.console.settings.KafkaTopicSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.settings.SimulatorSettings;
import dev.orderly.console.settings.TlsSettings;
import dev.orderly.console.support.TempTrees;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every saved setting reaches the console that {@code ./orderly} starts ({@link Launcher#startup}, the path
 * {@link OrderlyConsole#start} takes): the command line's options change only their own fields, and the backend
 * started from the result opens the saved database.
 */
class ConsoleStartTest {

    private Path home;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createTempDirectory("orderly-start");
        file = home.resolve("elsewhere").resolve("console.properties");
    }

    @AfterEach
    void cleanUp() throws Exception {
        TempTrees.delete(home);
    }

    /** A value other than the default in every field. */
    private ConsoleSettings everythingChanged(String databaseUrl) {
        return new ConsoleSettings(
            new ConnectionSettings(false, "https://orders.example.com:9443", home.resolve("data"), 18080),
            new KafkaSettings("external", 19092, "broker-1:9093,broker-2:9093",
                new KafkaSettings.KafkaSecurity("SASL_SSL", "SCRAM-SHA-512",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"o\" password=\"p\";"),
                new KafkaTopicSettings(6, 3, 2)),
            new DatabaseSettings(databaseUrl, "orderly", "db-secret"),
            new TlsSettings(new TlsSettings.Store(home.resolve("backend-trust.p12").toString(), "bt-secret"),
                new TlsSettings.Store(home.resolve("kafka-trust.p12").toString(), "kt-secret"),
                new TlsSettings.Store(home.resolve("kafka-key.p12").toString(), "kk-secret")),
            new SimulatorSettings(7, 70, 0.25, 0.125),
            "dana@example.com");
    }

    private SettingsStore store() {
        // The store the console uses when no keyring answers (the test keeps off the user's keyring).
        return SettingsStore.forConsole(file, ConsoleSettings.defaults(home), Map.of());
    }

    @Test
    void everySavedFieldReachesTheStartAndTheFlagsChangeOnlyTheirOwn() {
        ConsoleSettings saved = everythingChanged("jdbc:postgresql://db.example.com:5432/orders");
        store().save(saved);

        ConsoleSettings started = Launcher.startup(Map.of("settings", file.toString()), home, Map.of()).settings();
        assertThat(started).isEqualTo(saved);

        ConsoleSettings flagged = Launcher.startup(Map.of("settings", file.toString(), "data-dir",
            home.resolve("other").toString(), "http-port", "0", "kafka-port", "0"), home, Map.of()).settings();
        assertThat(flagged.connection()).isEqualTo(new ConnectionSettings(false, "https://orders.example.com:9443",
            home.resolve("other"), 0));
        assertThat(flagged.kafka().port()).isZero();
        assertThat(flagged.withConnection(started.connection()).withKafka(started.kafka())).isEqualTo(started);

        List<String> arguments = started.backendOptions().toArguments();
        assertThat(arguments).contains("--spring.datasource.url=jdbc:postgresql://db.example.com:5432/orders",
            "--spring.datasource.username=orderly", "--spring.kafka.security.protocol=SASL_SSL",
            "--spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
            "--spring.kafka.ssl.trust-store-location=" + home.resolve("kafka-trust.p12").toUri(),
            "--spring.kafka.ssl.key-store-location=" + home.resolve("kafka-key.p12").toUri(),
            "--orderly.kafka.topics.partitions=6", "--orderly.kafka.topics.replication-factor=3",
            "--spring.datasource.password=db-secret", "--spring.kafka.ssl.key-store-password=kk-secret",
            "--orderly.kafka.topics.min-insync-replicas=2", "--orderly.gateway.latency-min=7ms",
            "--orderly.gateway.error-rate=0.25", "--orderly.kafka.mode=external");
    }

    @Test
    void signingInChangesOnlyTheLastUser() {
        ConsoleSettings saved = everythingChanged("jdbc:postgresql://db.example.com:5432/orders");
        SettingsStore store = store();
        store.save(saved);
        // What the console does when a user signs in.
        store.save(store.load().withLastUser("erin@example.com"));
        assertThat(store().load()).isEqualTo(saved.withLastUser("erin@example.com"));
    }

    @Test
    void theBackendStartedFromTheSavedSettingsOpensTheSavedDatabase() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/orderly";
        // The broker embedded (this machine has no cluster), every other saved field as above.
        ConsoleSettings saved = everythingChanged(url).withKafka(KafkaSettings.EMBEDDED);
        store().save(saved);

        ConsoleSettings started = Launcher.startup(Map.of("settings", file.toString(), "http-port", "0",
            "kafka-port", "0"), home, Map.of()).settings();
        // Before, the start dropped the saved database and opened H2 in the data directory instead.
        assertThatThrownBy(() -> EmbeddedBackend.start(started.backendOptions(), step -> { }).close())
            .isInstanceOfSatisfying(EmbeddedBackend.BackendStartException.class,
                e -> assertThat(e.component()).isEqualTo(Component.DATABASE))
            .hasMessageContaining(url);
        assertThat(home.resolve("data").resolve("db")).doesNotExist();
    }
}
