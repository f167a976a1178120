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
 * cluster with SSL the trust store and (for mutual TLS) the key store; each a {@link Store}, a path with its
 * password. Empty paths mean the JDK's defaults. The passwords are secrets: kept out of {@code console.properties}
 * ({@link SecretStore}).
 */
public record TlsSettings(Store backend, Store kafkaTrust, Store kafkaKey) {

    public static final TlsSettings NONE = new TlsSettings(Store.NONE, Store.NONE, Store.NONE);

    public TlsSettings {
        backend = backend == null ? Store.NONE : backend;
        kafkaTrust = kafkaTrust == null ? Store.NONE : kafkaTrust;
        kafkaKey = kafkaKey == null ? Store.NONE : kafkaKey;
    }

    /** A certificate store file and its password; an empty path: none. */
    public record Store(String path, String password) {

        public static final Store NONE = new Store("", "");

        public Store {
            path = path == null ? "" : path.strip();
            password = password == null ? "" : password;
        }

        public boolean isSet() {
            return !path.isEmpty();
        }

        @Override
        public String toString() {
            return path.isEmpty() ? "none" : path;
        }
    }

    public String backendTrustStore() {
        return backend.path();
    }

    public String backendTrustStorePassword() {
        return backend.password();
    }

    public String kafkaTrustStore() {
        return kafkaTrust.path();
    }

    public String kafkaTrustStorePassword() {
        return kafkaTrust.password();
    }

    public String kafkaKeyStore() {
        return kafkaKey.path();
    }

    public String kafkaKeyStorePassword() {
        return kafkaKey.password();
    }

    /** What is wrong (a store that is named but missing), or null. */
    public String problem() {
        for (Store store : new Store[] {backend, kafkaTrust, kafkaKey}) {
            if (store.isSet() && !Files.isReadable(Path.of(store.path()))) {
                return "the certificate store " + store.path() + " does not exist or cannot be read";
            }
        }
        return null;
    }

    /** The TLS context that trusts the attached backend's certificate, or null for the JDK's authorities. */
    public SSLContext backendTrust() {
        return backend.isSet() ? Tls.trusting(Path.of(backend.path()), backend.password()) : null;
    }

    /** Spring Boot's {@code spring.kafka.ssl.*} properties for an external cluster (none when no store is set). */
    public Map<String, String> kafkaProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (kafkaTrust.isSet()) {
            properties.put("spring.kafka.ssl.trust-store-location", Path.of(kafkaTrust.path()).toUri().toString());
            properties.put("spring.kafka.ssl.trust-store-password", kafkaTrust.password());
            properties.put("spring.kafka.ssl.trust-store-type", type(kafkaTrust.path()));
        }
        if (kafkaKey.isSet()) {
            properties.put("spring.kafka.ssl.key-store-location", Path.of(kafkaKey.path()).toUri().toString());
            properties.put("spring.kafka.ssl.key-store-password", kafkaKey.password());
            properties.put("spring.kafka.ssl.key-password", kafkaKey.password());
            properties.put("spring.kafka.ssl.key-store-type", type(kafkaKey.path()));
        }
        return properties;
    }

    /** JKS for a .jks file, PKCS12 (the JDK's default since 9) for anything else. */
    private static String type(String store) {
        return store.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    }

    @Override
    public String toString() {
        return "TlsSettings[backend trust " + backend + ", Kafka trust " + kafkaTrust + ", Kafka key " + kafkaKey
            + ", passwords hidden]";
    }
}
