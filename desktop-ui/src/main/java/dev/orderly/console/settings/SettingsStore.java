package dev.orderly.console.settings;

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

    static SettingsStore forConsole(Path file, ConsoleSettings defaults, Map<String, String> environment) {
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
        ConsoleSettings d = defaults;
        try {
            return new ConsoleSettings(
                Boolean.parseBoolean(p.getProperty("attach", Boolean.toString(d.attach()))),
                p.getProperty("attachUrl", d.attachUrl()),
                Path.of(p.getProperty("dataDir", d.dataDir().toString())),
                Integer.parseInt(p.getProperty("httpPort", Integer.toString(d.httpPort()))),
                p.getProperty("kafkaMode", d.kafkaMode()),
                Integer.parseInt(p.getProperty("kafkaPort", Integer.toString(d.kafkaPort()))),
                p.getProperty("bootstrapServers", d.bootstrapServers()),
                p.getProperty("securityProtocol", d.securityProtocol()),
                p.getProperty("saslMechanism", d.saslMechanism()),
                p.getProperty("saslJaasConfig", d.saslJaasConfig()),
                Long.parseLong(p.getProperty("gatewayLatencyMinMs", Long.toString(d.gatewayLatencyMinMs()))),
                Long.parseLong(p.getProperty("gatewayLatencyMaxMs", Long.toString(d.gatewayLatencyMaxMs()))),
                Double.parseDouble(p.getProperty("gatewayErrorRate", Double.toString(d.gatewayErrorRate()))),
                Double.parseDouble(p.getProperty("gatewayTimeoutRate", Double.toString(d.gatewayTimeoutRate()))),
                p.getProperty("lastUser", d.lastUser()),
                new DatabaseSettings(p.getProperty("databaseUrl", d.database().url()),
                    p.getProperty("databaseUser", d.database().username()),
                    p.getProperty("databasePassword", d.database().password())),
                new TlsSettings(p.getProperty("backendTrustStore", d.tls().backendTrustStore()),
                    p.getProperty("backendTrustStorePassword", d.tls().backendTrustStorePassword()),
                    p.getProperty("kafkaTrustStore", d.tls().kafkaTrustStore()),
                    p.getProperty("kafkaTrustStorePassword", d.tls().kafkaTrustStorePassword()),
                    p.getProperty("kafkaKeyStore", d.tls().kafkaKeyStore()),
                    p.getProperty("kafkaKeyStorePassword", d.tls().kafkaKeyStorePassword())),
                new KafkaTopicSettings(
                    Integer.parseInt(p.getProperty("topicPartitions", Integer.toString(d.topics().partitions()))),
                    Integer.parseInt(p.getProperty("topicReplicationFactor",
                        Integer.toString(d.topics().replicationFactor()))),
                    Integer.parseInt(p.getProperty("topicMinInsyncReplicas",
                        Integer.toString(d.topics().minInsyncReplicas())))));
        } catch (NumberFormatException e) {
            return defaults;
        }
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
        return Theme.named(read().getProperty(THEME, Theme.LIGHT.name()));
    }

    /** Remembers the look; the other settings in the file stay as they are. */
    public void saveTheme(Theme theme) {
        Properties p = read();
        p.setProperty(THEME, theme.name());
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
        p.setProperty("attach", Boolean.toString(s.attach()));
        p.setProperty("attachUrl", s.attachUrl());
        p.setProperty("dataDir", s.dataDir().toString());
        p.setProperty("httpPort", Integer.toString(s.httpPort()));
        p.setProperty("kafkaMode", s.kafkaMode());
        p.setProperty("kafkaPort", Integer.toString(s.kafkaPort()));
        p.setProperty("bootstrapServers", s.bootstrapServers());
        p.setProperty("securityProtocol", s.securityProtocol());
        p.setProperty("saslMechanism", s.saslMechanism());
        p.setProperty("gatewayLatencyMinMs", Long.toString(s.gatewayLatencyMinMs()));
        p.setProperty("gatewayLatencyMaxMs", Long.toString(s.gatewayLatencyMaxMs()));
        p.setProperty("gatewayErrorRate", Double.toString(s.gatewayErrorRate()));
        p.setProperty("gatewayTimeoutRate", Double.toString(s.gatewayTimeoutRate()));
        p.setProperty("lastUser", s.lastUser());
        p.setProperty("databaseUrl", s.database().url());
        p.setProperty("databaseUser", s.database().username());
        p.setProperty("backendTrustStore", s.tls().backendTrustStore());
        p.setProperty("kafkaTrustStore", s.tls().kafkaTrustStore());
        p.setProperty("kafkaKeyStore", s.tls().kafkaKeyStore());
        p.setProperty("topicPartitions", Integer.toString(s.topics().partitions()));
        p.setProperty("topicReplicationFactor", Integer.toString(s.topics().replicationFactor()));
        p.setProperty("topicMinInsyncReplicas", Integer.toString(s.topics().minInsyncReplicas()));
        Properties hidden = new Properties();
        hidden.setProperty("databasePassword", s.database().password());
        hidden.setProperty("saslJaasConfig", s.saslJaasConfig());
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
