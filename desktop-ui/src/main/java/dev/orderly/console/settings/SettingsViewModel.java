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
                    message.set(I18n.t("settings.theme.saved", chosen));
                } catch (RuntimeException e) {
                    message.set(I18n.t("settings.theme.notSaved", Messages.of(e)));
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
                    message.set(I18n.t("settings.language.notSaved", Messages.of(e)));
                }
            }
        });
        textSize.set(store.textSize());
        textSize.addListener((o, was, chosen) -> {
            if (chosen != null && chosen != was) {
                try {
                    store.saveTextSize(chosen);
                    message.set(I18n.t("settings.textSize.saved", chosen));
                } catch (RuntimeException e) {
                    message.set(I18n.t("settings.textSize.notSaved", Messages.of(e)));
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
        int http = intIn(httpPort.get(), 0, 65535, I18n.t("settings.check.httpPort"), problems);
        int kafka = intIn(kafkaPort.get(), 0, 65535, I18n.t("settings.check.kafkaPort"), problems);
        GatewaySettingsView simulator = simulator(problems);
        if (externalKafka.get() && bootstrapServers.get().isBlank()) {
            problems.add(I18n.t("settings.check.bootstrap"));
        }
        if (dataDir.get().isBlank()) {
            problems.add(I18n.t("settings.check.dataDir"));
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
            intIn(topicPartitions.get(), 1, 1000, I18n.t("settings.check.partitions"), problems),
            intIn(replicationFactor.get(), 1, 10, I18n.t("settings.check.replication"), problems),
            intIn(minInsyncReplicas.get(), 1, 10, I18n.t("settings.check.minInsync"), problems));
        if (problems.isEmpty() && topics.problem() != null) {
            problems.add(topics.problem());
        }
        if (!saslMechanism.get().isBlank() && saslUser.get().isBlank()) {
            problems.add(I18n.t("settings.check.saslUser", saslMechanism.get().strip()));
        }
        if (!problems.isEmpty()) {
            message.set(I18n.t("settings.notSaved", String.join("; ", problems)));
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
            message.set(I18n.t("settings.notSaved", Messages.of(e)));
            return;
        }
        String restart = updated.needsRestartComparedTo(running) ? I18n.t("settings.saved.restart") : "";
        // Saving never touches the running backend: other consoles attached to it share its simulator.
        message.set(I18n.t("settings.saved") + restart + (staff ? I18n.t("settings.saved.simulator") : ""));
    }

    /**
     * Changes the running backend's payment simulator to the values on screen (staff): an explicit action, since
     * every console attached to that backend shares it; the change is recorded with who made it.
     */
    public void applySimulator() {
        if (!staff) {
            message.set(I18n.t("settings.staffOnly"));
            return;
        }
        List<String> problems = new ArrayList<>();
        GatewaySettingsView simulator = simulator(problems);
        if (!problems.isEmpty()) {
            message.set(I18n.t("settings.notApplied", String.join("; ", problems)));
            return;
        }
        runner.run(() -> client.updateGatewaySettings(simulator),
            applied -> {
                message.set(I18n.t("settings.applied"));
                loadShared();
            }, error -> message.set(I18n.t("settings.notApplied", Messages.of(error))));
    }

    /** Reads what the running backend shares with every attached console, and who changed it last (staff). */
    public void loadShared() {
        if (!staff) {
            return;
        }
        runner.run(client::sharedSettings, this::showShared,
            error -> backendShared.set(I18n.t("settings.shared.notLoaded", Messages.of(error))));
    }

    private void showShared(SharedSettingsView shared) {
        GatewaySettingsView g = shared.gateway();
        backendShared.set(I18n.t("settings.shared", shared.backend(), String.valueOf(g.latencyMinMs()),
            String.valueOf(g.latencyMaxMs()), String.valueOf(g.errorRate()), String.valueOf(g.timeoutRate()),
            changed(shared.gatewayChanged()), shared.mode(), changed(shared.modeChanged()),
            shared.armedFaults().isEmpty() ? I18n.t("settings.shared.none") : shared.armedFaults().toString(),
            changed(shared.faultsChanged())));
    }

    private static String changed(AuditEntry entry) {
        return entry == null ? I18n.t("settings.shared.unchanged")
            : I18n.t("settings.shared.changed", entry.user(), CLOCK.format(entry.at()));
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
        long min = intIn(latencyMin.get(), 0, 60_000, I18n.t("settings.check.latencyMin"), problems);
        long max = intIn(latencyMax.get(), 0, 60_000, I18n.t("settings.check.latencyMax"), problems);
        double errors = rate(errorRate.get(), I18n.t("settings.check.errorRate"), problems);
        double timeouts = rate(timeoutRate.get(), I18n.t("settings.check.timeoutRate"), problems);
        if (max < min) {
            problems.add(I18n.t("settings.check.latencyOrder"));
        }
        return new GatewaySettingsView(min, max, errors, timeouts);
    }

    private static int intIn(String text, int min, int max, String name, List<String> problems) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                problems.add(I18n.t("settings.check.between", name, String.valueOf(min), String.valueOf(max)));
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(I18n.t("settings.check.whole", name));
            return min;
        }
    }

    private static double rate(String text, String name, List<String> problems) {
        try {
            double value = Double.parseDouble(text.strip());
            if (value < 0 || value > 1) {
                problems.add(I18n.t("settings.check.rate", name));
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(I18n.t("settings.check.rateNumber", name));
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
