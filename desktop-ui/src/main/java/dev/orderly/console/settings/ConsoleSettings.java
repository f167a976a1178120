package dev.orderly.console.settings;

import dev.orderly.console.client.BackendOptions;
import dev.orderly.console.client.RemoteClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the console remembers between runs: how to reach a backend and how to start the in-process one.
 *
 * @param attach        true: attach to {@code attachUrl}; false: start the backend in this process
 * @param kafkaMode     {@code embedded} or {@code external}
 * @param securityProtocol for external Kafka: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param database      the embedded H2 file, or a PostgreSQL server
 * @param tls           certificate stores for an https backend and an SSL Kafka cluster
 * @param topics        how the backend creates missing topics on an external cluster
 */
public record ConsoleSettings(
    boolean attach,
    String attachUrl,
    Path dataDir,
    int httpPort,
    String kafkaMode,
    int kafkaPort,
    String bootstrapServers,
    String securityProtocol,
    String saslMechanism,
    String saslJaasConfig,
    long gatewayLatencyMinMs,
    long gatewayLatencyMaxMs,
    double gatewayErrorRate,
    double gatewayTimeoutRate,
    String lastUser,
    DatabaseSettings database,
    TlsSettings tls,
    KafkaTopicSettings topics) {

    public ConsoleSettings {
        database = database == null ? DatabaseSettings.EMBEDDED : database;
        tls = tls == null ? TlsSettings.NONE : tls;
        topics = topics == null ? KafkaTopicSettings.DEFAULT : topics;
    }

    /** Settings whose topics are created as the embedded broker's (3 partitions, 1 copy). */
    public ConsoleSettings(boolean attach, String attachUrl, Path dataDir, int httpPort, String kafkaMode,
        int kafkaPort, String bootstrapServers, String securityProtocol, String saslMechanism, String saslJaasConfig,
        long gatewayLatencyMinMs, long gatewayLatencyMaxMs, double gatewayErrorRate, double gatewayTimeoutRate,
        String lastUser, DatabaseSettings database, TlsSettings tls) {
        this(attach, attachUrl, dataDir, httpPort, kafkaMode, kafkaPort, bootstrapServers, securityProtocol,
            saslMechanism, saslJaasConfig, gatewayLatencyMinMs, gatewayLatencyMaxMs, gatewayErrorRate,
            gatewayTimeoutRate, lastUser, database, tls, KafkaTopicSettings.DEFAULT);
    }

    /** Settings without certificates of their own (the JDK's trusted authorities). */
    public ConsoleSettings(boolean attach, String attachUrl, Path dataDir, int httpPort, String kafkaMode,
        int kafkaPort, String bootstrapServers, String securityProtocol, String saslMechanism, String saslJaasConfig,
        long gatewayLatencyMinMs, long gatewayLatencyMaxMs, double gatewayErrorRate, double gatewayTimeoutRate,
        String lastUser, DatabaseSettings database) {
        this(attach, attachUrl, dataDir, httpPort, kafkaMode, kafkaPort, bootstrapServers, securityProtocol,
            saslMechanism, saslJaasConfig, gatewayLatencyMinMs, gatewayLatencyMaxMs, gatewayErrorRate,
            gatewayTimeoutRate, lastUser, database, TlsSettings.NONE);
    }

    /** Settings with the embedded H2 database. */
    public ConsoleSettings(boolean attach, String attachUrl, Path dataDir, int httpPort, String kafkaMode,
        int kafkaPort, String bootstrapServers, String securityProtocol, String saslMechanism, String saslJaasConfig,
        long gatewayLatencyMinMs, long gatewayLatencyMaxMs, double gatewayErrorRate, double gatewayTimeoutRate,
        String lastUser) {
        this(attach, attachUrl, dataDir, httpPort, kafkaMode, kafkaPort, bootstrapServers, securityProtocol,
            saslMechanism, saslJaasConfig, gatewayLatencyMinMs, gatewayLatencyMaxMs, gatewayErrorRate,
            gatewayTimeoutRate, lastUser, DatabaseSettings.EMBEDDED);
    }

    public static ConsoleSettings defaults(Path home) {
        return new ConsoleSettings(false, "http://127.0.0.1:8080", home.resolve(".orderly"), 8080, "embedded", 9092,
            "", "PLAINTEXT", "", "", 50, 200, 0.0, 0.0, "staff@example.com");
    }

    public BackendOptions backendOptions() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("orderly.gateway.latency-min", gatewayLatencyMinMs + "ms");
        extra.put("orderly.gateway.latency-max", gatewayLatencyMaxMs + "ms");
        extra.put("orderly.gateway.error-rate", Double.toString(gatewayErrorRate));
        extra.put("orderly.gateway.timeout-rate", Double.toString(gatewayTimeoutRate));
        if ("external".equals(kafkaMode)) {
            extra.put("spring.kafka.security.protocol", securityProtocol);
            if (saslMechanism != null && !saslMechanism.isBlank()) {
                extra.put("spring.kafka.properties.sasl.mechanism", saslMechanism);
            }
            if (saslJaasConfig != null && !saslJaasConfig.isBlank()) {
                extra.put("spring.kafka.properties.sasl.jaas.config", saslJaasConfig);
            }
            extra.putAll(tls.kafkaProperties());
            extra.putAll(topics.backendProperties());
        }
        extra.putAll(database.backendProperties());
        return new BackendOptions(dataDir, httpPort, kafkaMode, kafkaPort, bootstrapServers, extra);
    }

    /** Whether switching from {@code other} to these settings needs the backend restarted. */
    public boolean needsRestartComparedTo(ConsoleSettings other) {
        return attach != other.attach || !attachUrl.equals(other.attachUrl) || !dataDir.equals(other.dataDir)
            || httpPort != other.httpPort || !kafkaMode.equals(other.kafkaMode) || kafkaPort != other.kafkaPort
            || !bootstrapServers.equals(other.bootstrapServers) || !securityProtocol.equals(other.securityProtocol)
            || !saslMechanism.equals(other.saslMechanism) || !saslJaasConfig.equals(other.saslJaasConfig)
            || !database.equals(other.database) || !tls.equals(other.tls) || !topics.equals(other.topics);
    }

    /** A client for the backend at {@code attachUrl}, trusting the configured certificate for https. */
    public RemoteClient attachClient() {
        return new RemoteClient(attachUrl, tls.backendTrust());
    }

    public ConsoleSettings withLastUser(String user) {
        return new ConsoleSettings(attach, attachUrl, dataDir, httpPort, kafkaMode, kafkaPort, bootstrapServers,
            securityProtocol, saslMechanism, saslJaasConfig, gatewayLatencyMinMs, gatewayLatencyMaxMs,
            gatewayErrorRate, gatewayTimeoutRate, user, database, tls, topics);
    }
}
