package dev.orderly.console.settings;

import dev.orderly.console.client.Tls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Certificates: the trust store for an {@code https://} backend the console attaches to, and for an external Kafka
 * cluster with SSL the trust store and (for mutual TLS) the key store. Empty paths mean the JDK's defaults. The
 * passwords are secrets: kept out of {@code console.properties} ({@link SecretStore}).
 */
public record TlsSettings(String backendTrustStore, String backendTrustStorePassword, String kafkaTrustStore,
    String kafkaTrustStorePassword, String kafkaKeyStore, String kafkaKeyStorePassword) {

    public static final TlsSettings NONE = new TlsSettings("", "", "", "", "", "");

    public TlsSettings {
        backendTrustStore = strip(backendTrustStore);
        backendTrustStorePassword = backendTrustStorePassword == null ? "" : backendTrustStorePassword;
        kafkaTrustStore = strip(kafkaTrustStore);
        kafkaTrustStorePassword = kafkaTrustStorePassword == null ? "" : kafkaTrustStorePassword;
        kafkaKeyStore = strip(kafkaKeyStore);
        kafkaKeyStorePassword = kafkaKeyStorePassword == null ? "" : kafkaKeyStorePassword;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /** What is wrong (a store that is named but missing), or null. */
    public String problem() {
        for (String store : new String[] {backendTrustStore, kafkaTrustStore, kafkaKeyStore}) {
            if (!store.isEmpty() && !Files.isReadable(Path.of(store))) {
                return "the certificate store " + store + " does not exist or cannot be read";
            }
        }
        return null;
    }

    /** The TLS context that trusts the attached backend's certificate, or null for the JDK's authorities. */
    public SSLContext backendTrust() {
        return backendTrustStore.isEmpty() ? null : Tls.trusting(Path.of(backendTrustStore),
            backendTrustStorePassword);
    }

    /** Spring Boot's {@code spring.kafka.ssl.*} properties for an external cluster (none when no store is set). */
    public Map<String, String> kafkaProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!kafkaTrustStore.isEmpty()) {
            properties.put("spring.kafka.ssl.trust-store-location", Path.of(kafkaTrustStore).toUri().toString());
            properties.put("spring.kafka.ssl.trust-store-password", kafkaTrustStorePassword);
            properties.put("spring.kafka.ssl.trust-store-type", type(kafkaTrustStore));
        }
        if (!kafkaKeyStore.isEmpty()) {
            properties.put("spring.kafka.ssl.key-store-location", Path.of(kafkaKeyStore).toUri().toString());
            properties.put("spring.kafka.ssl.key-store-password", kafkaKeyStorePassword);
            properties.put("spring.kafka.ssl.key-password", kafkaKeyStorePassword);
            properties.put("spring.kafka.ssl.key-store-type", type(kafkaKeyStore));
        }
        return properties;
    }

    /** JKS for a .jks file, PKCS12 (the JDK's default since 9) for anything else. */
    private static String type(String store) {
        return store.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    }

    @Override
    public String toString() {
        return "TlsSettings[backendTrustStore=" + backendTrustStore + ", kafkaTrustStore=" + kafkaTrustStore
            + ", kafkaKeyStore=" + kafkaKeyStore + ", passwords hidden]";
    }
}
