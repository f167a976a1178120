package dev.orderly.console.settings;

import dev.orderly.console.appearance.Language;
import dev.orderly.console.appearance.TextSize;
import dev.orderly.console.appearance.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Keeps {@link ConsoleSettings} in a properties file ({@code ~/.orderly/console.properties} by default), and their
 * passwords apart in {@code secrets.properties} next to it ({@link SecretStore}, readable by the user only). A
 * settings file from an older version that still holds passwords has them moved out when it is read.
 */
public final class SettingsStore {

    private static final String THEME = "theme";
    private static final String TEXT_SIZE = "textSize";
    private static final String LANGUAGE = "language";
    /** The settings that are passwords (or, for a JAAS line, hold one). */
    static final List<String> SECRETS = List.of("databasePassword", "saslJaasConfig", "backendTrustStorePassword",
        "kafkaTrustStorePassword", "kafkaKeyStorePassword");

    private final Path file;
    private final ConsoleSettings defaults;
    private final SecretStore secrets;

    /** Settings whose passwords go to {@code secrets.properties} next to {@code file} (tests, tools). */
    public SettingsStore(Path file, ConsoleSettings defaults) {
        this(file, defaults, new SecretFile(file.resolveSibling("secrets.properties")));
    }

    public SettingsStore(Path file, ConsoleSettings defaults, SecretStore secrets) {
        this.file = file;
        this.defaults = defaults;
        this.secrets = secrets;
    }

    /**
     * The console's own store: passwords in the OS keyring when one answers in this session, else in the owner-only
     * file; passwords a file holds from before are moved into the keyring (and the file removed).
     */
    public static SettingsStore forConsole(Path file, ConsoleSettings defaults) {
        return forConsole(file, defaults, System.getenv());
    }

    /** The same, with the keyring looked for in {@code environment} (tests give none, to keep off the user's). */
    public static SettingsStore forConsole(Path file, ConsoleSettings defaults, Map<String, String> environment) {
        SecretFile fallback = new SecretFile(file.resolveSibling("secrets.properties"));
        SecretStore secrets = SecretStore.choose(fallback.file(), file.toAbsolutePath().toString(), environment);
        if (secrets instanceof SecretKeyring && Files.exists(fallback.file())) {
            try {
                Properties kept = secrets.read();
                fallback.read().forEach(kept::putIfAbsent);
                secrets.write(kept);
                Files.delete(fallback.file());
            } catch (IOException | RuntimeException e) {
                // The keyring did not take them: keep using the file rather than lose the passwords.
                return new SettingsStore(file, defaults, fallback);
            }
        }
        return new SettingsStore(file, defaults, secrets);
    }

    public Path file() {
        return file;
    }

    public SecretStore secrets() {
        return secrets;
    }

    public ConsoleSettings load() {
        if (!Files.exists(file)) {
            return defaults;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return defaults;
        }
        Properties hidden = secrets.read();
        if (SECRETS.stream().anyMatch(p::containsKey)) {
            moveSecretsOut(p, hidden);
        }
        hidden.forEach((key, value) -> p.setProperty((String) key, (String) value));
        try {
            return read(p, defaults);
        } catch (NumberFormatException e) {
            return defaults;
        }
    }

    /** Each part from its keys, a missing key taking the default's value. */
    private static ConsoleSettings read(Properties p, ConsoleSettings d) {
        ConnectionSettings c = d.connection();
        KafkaSettings k = d.kafka();
        SimulatorSettings g = d.simulator();
        TlsSettings t = d.tls();
        KafkaTopicSettings topics = k.topics();
        return new ConsoleSettings(
            new ConnectionSettings(Boolean.parseBoolean(p.getProperty("attach", Boolean.toString(c.attach()))),
                p.getProperty("attachUrl", c.attachUrl()), Path.of(p.getProperty("dataDir", c.dataDir().toString())),
                Integer.parseInt(p.getProperty("httpPort", Integer.toString(c.httpPort())))),
            new KafkaSettings(p.getProperty("kafkaMode", k.mode()),
                Integer.parseInt(p.getProperty("kafkaPort", Integer.toString(k.port()))),
                p.getProperty("bootstrapServers", k.bootstrapServers()),
                new KafkaSettings.KafkaSecurity(p.getProperty("securityProtocol", k.security().protocol()),
                    p.getProperty("saslMechanism", k.security().saslMechanism()),
                    p.getProperty("saslJaasConfig", k.security().saslJaasConfig())),
                new KafkaTopicSettings(
                    Integer.parseInt(p.getProperty("topicPartitions", Integer.toString(topics.partitions()))),
                    Integer.parseInt(p.getProperty("topicReplicationFactor",
                        Integer.toString(topics.replicationFactor()))),
                    Integer.parseInt(p.getProperty("topicMinInsyncReplicas",
                        Integer.toString(topics.minInsyncReplicas()))))),
            new DatabaseSettings(p.getProperty("databaseUrl", d.database().url()),
                p.getProperty("databaseUser", d.database().username()),
                p.getProperty("databasePassword", d.database().password())),
            new TlsSettings(
                new TlsSettings.Store(p.getProperty("backendTrustStore", t.backendTrustStore()),
                    p.getProperty("backendTrustStorePassword", t.backendTrustStorePassword())),
                new TlsSettings.Store(p.getProperty("kafkaTrustStore", t.kafkaTrustStore()),
                    p.getProperty("kafkaTrustStorePassword", t.kafkaTrustStorePassword())),
                new TlsSettings.Store(p.getProperty("kafkaKeyStore", t.kafkaKeyStore()),
                    p.getProperty("kafkaKeyStorePassword", t.kafkaKeyStorePassword()))),
            new SimulatorSettings(
                Long.parseLong(p.getProperty("gatewayLatencyMinMs", Long.toString(g.latencyMinMs()))),
                Long.parseLong(p.getProperty("gatewayLatencyMaxMs", Long.toString(g.latencyMaxMs()))),
                Double.parseDouble(p.getProperty("gatewayErrorRate", Double.toString(g.errorRate()))),
                Double.parseDouble(p.getProperty("gatewayTimeoutRate", Double.toString(g.timeoutRate())))),
            p.getProperty("lastUser", d.lastUser()));
    }

    /** An older settings file with passwords in it: they go to the secret store and out of the file. */
    private void moveSecretsOut(Properties p, Properties hidden) {
        for (String key : SECRETS) {
            String value = (String) p.remove(key);
            if (value != null && !hidden.containsKey(key)) {
                hidden.setProperty(key, value);
            }
        }
        secrets.write(hidden);
        write(p);
    }

    /** The look chosen in Settings (light until one is chosen). */
    public Theme theme() {
        return Theme.named(read().getProperty(THEME));
    }

    /** Remembers the look; the other settings in the file stay as they are. */
    public void saveTheme(Theme theme) {
        saveAlone(THEME, theme);
    }

    /** The text size chosen in Settings (normal until one is chosen). */
    public TextSize textSize() {
        return TextSize.named(read().getProperty(TEXT_SIZE));
    }

    public void saveTextSize(TextSize size) {
        saveAlone(TEXT_SIZE, size);
    }

    /** The language chosen in Settings (the system's until one is chosen). */
    public Language language() {
        return Language.named(read().getProperty(LANGUAGE));
    }

    public void saveLanguage(Language language) {
        saveAlone(LANGUAGE, language);
    }

    /** A choice that applies on its own (no Save): written at once, the rest of the file kept as it is. */
    private void saveAlone(String key, Enum<?> choice) {
        Properties p = read();
        p.setProperty(key, choice.name());
        write(p);
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                return new Properties();
            }
        }
        return p;
    }

    public void save(ConsoleSettings s) {
        Properties p = new Properties();
        // Saved apart from the rest (it applies at once): kept when the other settings are saved.
        p.setProperty(THEME, theme().name());
        p.setProperty(TEXT_SIZE, textSize().name());
        p.setProperty(LANGUAGE, language().name());
        p.setProperty("attach", Boolean.toString(s.connection().attach()));
        p.setProperty("attachUrl", s.connection().attachUrl());
        p.setProperty("dataDir", s.connection().dataDir().toString());
        p.setProperty("httpPort", Integer.toString(s.connection().httpPort()));
        p.setProperty("kafkaMode", s.kafka().mode());
        p.setProperty("kafkaPort", Integer.toString(s.kafka().port()));
        p.setProperty("bootstrapServers", s.kafka().bootstrapServers());
        p.setProperty("securityProtocol", s.kafka().security().protocol());
        p.setProperty("saslMechanism", s.kafka().security().saslMechanism());
        p.setProperty("topicPartitions", Integer.toString(s.kafka().topics().partitions()));
        p.setProperty("topicReplicationFactor", Integer.toString(s.kafka().topics().replicationFactor()));
        p.setProperty("topicMinInsyncReplicas", Integer.toString(s.kafka().topics().minInsyncReplicas()));
        p.setProperty("gatewayLatencyMinMs", Long.toString(s.simulator().latencyMinMs()));
        p.setProperty("gatewayLatencyMaxMs", Long.toString(s.simulator().latencyMaxMs()));
        p.setProperty("gatewayErrorRate", Double.toString(s.simulator().errorRate()));
        p.setProperty("gatewayTimeoutRate", Double.toString(s.simulator().timeoutRate()));
        p.setProperty("lastUser", s.lastUser());
        p.setProperty("databaseUrl", s.database().url());
        p.setProperty("databaseUser", s.database().username());
        p.setProperty("backendTrustStore", s.tls().backendTrustStore());
        p.setProperty("kafkaTrustStore", s.tls().kafkaTrustStore());
        p.setProperty("kafkaKeyStore", s.tls().kafkaKeyStore());
        Properties hidden = new Properties();
        hidden.setProperty("databasePassword", s.database().password());
        hidden.setProperty("saslJaasConfig", s.kafka().security().saslJaasConfig());
        hidden.setProperty("backendTrustStorePassword", s.tls().backendTrustStorePassword());
        hidden.setProperty("kafkaTrustStorePassword", s.tls().kafkaTrustStorePassword());
        hidden.setProperty("kafkaKeyStorePassword", s.tls().kafkaKeyStorePassword());
        secrets.write(hidden);
        write(p);
    }

    private void write(Properties p) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "Orderly console settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the settings to " + file, e);
        }
    }
}
