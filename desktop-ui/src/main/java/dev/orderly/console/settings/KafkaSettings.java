package dev.orderly.console.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka the in-process backend uses: its own embedded broker (on {@code port}), or an external cluster, how to
 * sign in to it and how missing topics are created there.
 *
 * @param mode             {@code embedded} or {@code external}
 * @param port             the embedded broker's port (0: any free port)
 * @param bootstrapServers the external cluster's {@code host:port,...}
 * @param security         how to reach the external cluster (protocol, SASL)
 * @param topics           how the backend creates missing topics on the external cluster
 */
public record KafkaSettings(String mode, int port, String bootstrapServers, KafkaSecurity security,
    KafkaTopicSettings topics) {

    public static final KafkaSettings EMBEDDED = new KafkaSettings("embedded", 9092, "", KafkaSecurity.PLAINTEXT,
        KafkaTopicSettings.DEFAULT);

    public KafkaSettings {
        security = security == null ? KafkaSecurity.PLAINTEXT : security;
        topics = topics == null ? KafkaTopicSettings.DEFAULT : topics;
    }

    public boolean external() {
        return "external".equals(mode);
    }

    public KafkaSettings withPort(int newPort) {
        return new KafkaSettings(mode, newPort, bootstrapServers, security, topics);
    }

    /** The backend's properties for an external cluster (the client's security and the topics); none embedded. */
    public Map<String, String> backendProperties(TlsSettings tls) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (external()) {
            properties.putAll(security.backendProperties());
            properties.putAll(tls.kafkaProperties());
            properties.putAll(topics.backendProperties());
        }
        return properties;
    }

    /**
     * How the backend signs in to an external cluster.
     *
     * @param protocol      PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
     * @param saslMechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, or empty
     * @param saslJaasConfig the JAAS line with the user and password ({@link KafkaSasl}), or empty
     */
    public record KafkaSecurity(String protocol, String saslMechanism, String saslJaasConfig) {

        public static final KafkaSecurity PLAINTEXT = new KafkaSecurity("PLAINTEXT", "", "");

        Map<String, String> backendProperties() {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("spring.kafka.security.protocol", protocol);
            if (saslMechanism != null && !saslMechanism.isBlank()) {
                properties.put("spring.kafka.properties.sasl.mechanism", saslMechanism);
            }
            if (saslJaasConfig != null && !saslJaasConfig.isBlank()) {
                properties.put("spring.kafka.properties.sasl.jaas.config", saslJaasConfig);
            }
            return properties;
        }

        @Override
        public String toString() {
            return "KafkaSecurity[" + protocol + ", " + saslMechanism + "]";
        }
    }
}
