package dev.orderly.console.settings;

import dev.orderly.console.appearance.Language;
import dev.orderly.console.appearance.TextSize;
import dev.orderly.console.appearance.Theme;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.AuditEntry;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.SharedSettingsView;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings: Kafka mode and connection, database, data directory, ports, payment simulator. Saved between runs and
 * applied on the next start (the screen says which). The running backend's simulator is shared by every console
 * attached to it: it changes only on "Apply to running backend", and the screen shows who changed it last.
 */
public final class SettingsViewModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private final SettingsStore store;
    private final OrderlyClient client;
    private final TaskRunner runner;
    private final boolean staff;
    private ConsoleSettings running;

    private final BooleanProperty attach = new SimpleBooleanProperty();
    private final StringProperty attachUrl = new SimpleStringProperty();
    private final StringProperty dataDir = new SimpleStringProperty();
    private final StringProperty httpPort = new SimpleStringProperty();
    private final BooleanProperty externalKafka = new SimpleBooleanProperty();
    private final StringProperty kafkaPort = new SimpleStringProperty();
    private final StringProperty bootstrapServers = new SimpleStringProperty();
    private final StringProperty securityProtocol = new SimpleStringProperty();
    private final StringProperty saslMechanism = new SimpleStringProperty();
    private final StringProperty saslUser = new SimpleStringProperty();
    private final StringProperty saslPassword = new SimpleStringProperty();
    private final StringProperty backendTrustStore = new SimpleStringProperty();
    private final StringProperty backendTrustStorePassword = new SimpleStringProperty();
    private final StringProperty kafkaTrustStore = new SimpleStringProperty();
    private final StringProperty kafkaTrustStorePassword = new SimpleStringProperty();
    private final StringProperty kafkaKeyStore = new SimpleStringProperty();
    private final StringProperty kafkaKeyStorePassword = new SimpleStringProperty();
    private final StringProperty topicPartitions = new SimpleStringProperty();
    private final StringProperty replicationFactor = new SimpleStringProperty();
    private final StringProperty minInsyncReplicas = new SimpleStringProperty();
    private final StringProperty latencyMin = new SimpleStringProperty();
    private final StringProperty latencyMax = new SimpleStringProperty();
    private final StringProperty errorRate = new SimpleStringProperty();
    private final StringProperty timeoutRate = new SimpleStringProperty();
    private final BooleanProperty postgres = new SimpleBooleanProperty();
    private final StringProperty databaseUrl = new SimpleStringProperty();
    private final StringProperty databaseUser = new SimpleStringProperty();
    private final StringProperty databasePassword = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<TextSize> textSize = new SimpleObjectProperty<>();
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final StringProperty backendShared = new SimpleStringProperty("");

    public SettingsViewModel(SettingsStore store, ConsoleSettings running, OrderlyClient client, TaskRunner runner,
        boolean staff) {
        this.store = store;
        this.running = running;
        this.client = client;
        this.runner = runner;
        this.staff = staff;
        show(store.load());
        theme.set(store.theme());
        // The look applies at once and is remembered on its own, without the Save the other settings need.
        theme.addListener((o, was, chosen) -> {
            if (chosen != null && chosen != was) {
                try {
                    store.saveTheme(chosen);
                    message.set("Theme: " + chosen + " (remembered)");
                } catch (RuntimeException e) {
                    message.set("Theme applied, but not remembered: " + Messages.of(e));
                }
            }
        });
        language.set(store.language());
        language.addListener((o, was, chosen) -> {
            if (chosen != null && chosen != was) {
                try {
                    store.saveLanguage(chosen);
                    message.set(I18n.t("settings.language.saved", chosen));
                } catch (RuntimeException e) {
                    message.set("Language not remembered: " + Messages.of(e));
                }
            }
        });
        textSize.set(store.textSize());
        textSize.addListener((o, was, chosen) -> {
            if (chosen != null && chosen != was) {
                try {
                    store.saveTextSize(chosen);
                    message.set("Text size: " + chosen + " (remembered)");
                } catch (RuntimeException e) {
                    message.set("Text size applied, but not remembered: " + Messages.of(e));
                }
            }
        });
    }

    /** The system's, English or Korean; saved at once, shown from the next start. */
    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** Normal, large or largest; a change is saved at once (the view applies it to every window). */
    public ObjectProperty<TextSize> textSizeProperty() {
        return textSize;
    }

    /** Light or dark; a change is saved at once (the view applies it to the window). */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    private void show(ConsoleSettings s) {
        attach.set(s.connection().attach());
        attachUrl.set(s.connection().attachUrl());
        dataDir.set(s.connection().dataDir().toString());
        httpPort.set(Integer.toString(s.connection().httpPort()));
        externalKafka.set(s.kafka().external());
        kafkaPort.set(Integer.toString(s.kafka().port()));
        bootstrapServers.set(s.kafka().bootstrapServers());
        securityProtocol.set(s.kafka().security().protocol());
        saslMechanism.set(s.kafka().security().saslMechanism());
        saslUser.set(KafkaSasl.user(s.kafka().security().saslJaasConfig()));
        saslPassword.set(KafkaSasl.password(s.kafka().security().saslJaasConfig()));
        backendTrustStore.set(s.tls().backendTrustStore());
        backendTrustStorePassword.set(s.tls().backendTrustStorePassword());
        kafkaTrustStore.set(s.tls().kafkaTrustStore());
        kafkaTrustStorePassword.set(s.tls().kafkaTrustStorePassword());
        kafkaKeyStore.set(s.tls().kafkaKeyStore());
        kafkaKeyStorePassword.set(s.tls().kafkaKeyStorePassword());
        topicPartitions.set(Integer.toString(s.kafka().topics().partitions()));
        replicationFactor.set(Integer.toString(s.kafka().topics().replicationFactor()));
        minInsyncReplicas.set(Integer.toString(s.kafka().topics().minInsyncReplicas()));
        latencyMin.set(Long.toString(s.simulator().latencyMinMs()));
        latencyMax.set(Long.toString(s.simulator().latencyMaxMs()));
        errorRate.set(Double.toString(s.simulator().errorRate()));
        timeoutRate.set(Double.toString(s.simulator().timeoutRate()));
        postgres.set(!s.database().embedded());
        databaseUrl.set(s.database().embedded() ? "jdbc:postgresql://127.0.0.1:5432/orderly" : s.database().url());
        databaseUser.set(s.database().username());
        databasePassword.set(s.database().password());
    }

    /** Validates, saves for the next start and says what needs a restart; changes nothing on the running backend. */
    public void save() {
        List<String> problems = new ArrayList<>();
        int http = intIn(httpPort.get(), 0, 65535, "HTTP port", problems);
        int kafka = intIn(kafkaPort.get(), 0, 65535, "Kafka port", problems);
        GatewaySettingsView simulator = simulator(problems);
        if (externalKafka.get() && bootstrapServers.get().isBlank()) {
            problems.add("external Kafka needs bootstrap servers (host:port)");
        }
        if (dataDir.get().isBlank()) {
            problems.add("the data directory must not be empty");
        }
        DatabaseSettings database = postgres.get()
            ? new DatabaseSettings(databaseUrl.get(), databaseUser.get(), databasePassword.get())
            : DatabaseSettings.EMBEDDED;
        if (database.problem() != null) {
            problems.add(database.problem());
        }
        TlsSettings tls = new TlsSettings(
            new TlsSettings.Store(backendTrustStore.get(), backendTrustStorePassword.get()),
            new TlsSettings.Store(kafkaTrustStore.get(), kafkaTrustStorePassword.get()),
            new TlsSettings.Store(kafkaKeyStore.get(), kafkaKeyStorePassword.get()));
        if (tls.problem() != null) {
            problems.add(tls.problem());
        }
        if (attach.get() && attachUrl.get().strip().startsWith("https://") && !tls.backendTrustStore().isEmpty()) {
            try {
                tls.backendTrust();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        KafkaTopicSettings topics = new KafkaTopicSettings(
            intIn(topicPartitions.get(), 1, 1000, "topic partitions", problems),
            intIn(replicationFactor.get(), 1, 10, "replication factor", problems),
            intIn(minInsyncReplicas.get(), 1, 10, "min in-sync replicas", problems));
        if (problems.isEmpty() && topics.problem() != null) {
            problems.add(topics.problem());
        }
        if (!saslMechanism.get().isBlank() && saslUser.get().isBlank()) {
            problems.add("SASL " + saslMechanism.get().strip() + " needs a user name");
        }
        if (!problems.isEmpty()) {
            message.set("Not saved: " + String.join("; ", problems));
            return;
        }
        ConsoleSettings saved = store.load();
        KafkaSettings.KafkaSecurity security = new KafkaSettings.KafkaSecurity(securityProtocol.get().strip(),
            saslMechanism.get().strip(), KafkaSasl.jaas(saslMechanism.get(), saslUser.get(), saslPassword.get()));
        ConsoleSettings updated = saved
            .withConnection(new ConnectionSettings(attach.get(), attachUrl.get().strip(),
                Path.of(dataDir.get().strip()), http))
            .withKafka(new KafkaSettings(externalKafka.get() ? "external" : "embedded", kafka,
                bootstrapServers.get().strip(), security, topics))
            .withDatabase(database)
            .withTls(tls)
            .withSimulator(new SimulatorSettings(simulator.latencyMinMs(), simulator.latencyMaxMs(),
                simulator.errorRate(), simulator.timeoutRate()));
        try {
            store.save(updated);
        } catch (RuntimeException e) {
            message.set("Not saved: " + Messages.of(e));
            return;
        }
        String restart = updated.needsRestartComparedTo(running)
            ? " Restart Orderly to apply the connection, database, Kafka and data directory changes." : "";
        // Saving never touches the running backend: other consoles attached to it share its simulator.
        message.set("Saved." + restart + (staff ? " The running backend's payment simulator changes only with"
            + " Apply to running backend." : ""));
    }

    /**
     * Changes the running backend's payment simulator to the values on screen (staff): an explicit action, since
     * every console attached to that backend shares it; the change is recorded with who made it.
     */
    public void applySimulator() {
        if (!staff) {
            message.set("Only staff can change the running payment simulator");
            return;
        }
        List<String> problems = new ArrayList<>();
        GatewaySettingsView simulator = simulator(problems);
        if (!problems.isEmpty()) {
            message.set("Not applied: " + String.join("; ", problems));
            return;
        }
        runner.run(() -> client.updateGatewaySettings(simulator),
            applied -> {
                message.set("Applied to the running backend: every console attached to it now sees these values.");
                loadShared();
            }, error -> message.set("Not applied: " + Messages.of(error)));
    }

    /** Reads what the running backend shares with every attached console, and who changed it last (staff). */
    public void loadShared() {
        if (!staff) {
            return;
        }
        runner.run(client::sharedSettings, this::showShared,
            error -> backendShared.set("Could not read the running backend's settings: " + Messages.of(error)));
    }

    private void showShared(SharedSettingsView shared) {
        GatewaySettingsView g = shared.gateway();
        backendShared.set("Running backend " + shared.backend() + ": simulator latency " + g.latencyMinMs() + "-"
            + g.latencyMaxMs() + " ms, error rate " + g.errorRate() + ", timeout rate " + g.timeoutRate() + " ("
            + changed(shared.gatewayChanged()) + "); mode " + shared.mode() + " (" + changed(shared.modeChanged())
            + "); faults armed: " + (shared.armedFaults().isEmpty() ? "none" : shared.armedFaults()) + " ("
            + changed(shared.faultsChanged()) + ").");
    }

    private static String changed(AuditEntry entry) {
        return entry == null ? "not changed since it started"
            : "last changed by " + entry.user() + " at " + CLOCK.format(entry.at());
    }

    /** Whether the signed-in user may change the running backend's shared settings. */
    public boolean isStaff() {
        return staff;
    }

    /** The running backend's shared settings and who changed them (staff; empty until read). */
    public ReadOnlyStringProperty backendSharedProperty() {
        return backendShared;
    }

    /** The simulator fields as settings; what is wrong with them goes to {@code problems}. */
    private GatewaySettingsView simulator(List<String> problems) {
        long min = intIn(latencyMin.get(), 0, 60_000, "latency min (ms)", problems);
        long max = intIn(latencyMax.get(), 0, 60_000, "latency max (ms)", problems);
        double errors = rate(errorRate.get(), "error rate", problems);
        double timeouts = rate(timeoutRate.get(), "timeout rate", problems);
        if (max < min) {
            problems.add("latency max must not be below latency min");
        }
        return new GatewaySettingsView(min, max, errors, timeouts);
    }

    private static int intIn(String text, int min, int max, String name, List<String> problems) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                problems.add(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(name + " must be a whole number");
            return min;
        }
    }

    private static double rate(String text, String name, List<String> problems) {
        try {
            double value = Double.parseDouble(text.strip());
            if (value < 0 || value > 1) {
                problems.add(name + " must be between 0 and 1");
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(name + " must be a number between 0 and 1");
            return 0;
        }
    }

    public BooleanProperty attachProperty() {
        return attach;
    }

    public StringProperty attachUrlProperty() {
        return attachUrl;
    }

    public StringProperty dataDirProperty() {
        return dataDir;
    }

    public StringProperty httpPortProperty() {
        return httpPort;
    }

    public BooleanProperty externalKafkaProperty() {
        return externalKafka;
    }

    public StringProperty kafkaPortProperty() {
        return kafkaPort;
    }

    public StringProperty bootstrapServersProperty() {
        return bootstrapServers;
    }

    public StringProperty securityProtocolProperty() {
        return securityProtocol;
    }

    public StringProperty saslMechanismProperty() {
        return saslMechanism;
    }

    public StringProperty saslUserProperty() {
        return saslUser;
    }

    /** Masked on screen; kept in the secret store, never in the settings file. */
    public StringProperty saslPasswordProperty() {
        return saslPassword;
    }

    /** The trust store for an https backend (attach mode); empty for the JDK's authorities. */
    public StringProperty backendTrustStoreProperty() {
        return backendTrustStore;
    }

    public StringProperty backendTrustStorePasswordProperty() {
        return backendTrustStorePassword;
    }

    public StringProperty kafkaTrustStoreProperty() {
        return kafkaTrustStore;
    }

    public StringProperty kafkaTrustStorePasswordProperty() {
        return kafkaTrustStorePassword;
    }

    public StringProperty kafkaKeyStoreProperty() {
        return kafkaKeyStore;
    }

    public StringProperty kafkaKeyStorePasswordProperty() {
        return kafkaKeyStorePassword;
    }

    public StringProperty topicPartitionsProperty() {
        return topicPartitions;
    }

    /** Copies of each topic the backend creates on an external cluster (3 on a team's three brokers). */
    public StringProperty replicationFactorProperty() {
        return replicationFactor;
    }

    public StringProperty minInsyncReplicasProperty() {
        return minInsyncReplicas;
    }

    /** Where the passwords are kept, said plainly. */
    public String secretsNote() {
        return store.secrets().describe();
    }

    public StringProperty latencyMinProperty() {
        return latencyMin;
    }

    public StringProperty latencyMaxProperty() {
        return latencyMax;
    }

    public StringProperty errorRateProperty() {
        return errorRate;
    }

    public StringProperty timeoutRateProperty() {
        return timeoutRate;
    }

    /** PostgreSQL instead of the embedded H2 file. */
    public BooleanProperty postgresProperty() {
        return postgres;
    }

    public StringProperty databaseUrlProperty() {
        return databaseUrl;
    }

    public StringProperty databaseUserProperty() {
        return databaseUser;
    }

    public StringProperty databasePasswordProperty() {
        return databasePassword;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
