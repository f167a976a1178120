package dev.orderly.console.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the console keeps its passwords (database, Kafka SASL, certificate stores), never in
 * {@code console.properties}: the OS keyring where one answers ({@link SecretKeyring}: the desktop's Secret Service
 * through {@code secret-tool}), else a file readable by the user only ({@link SecretFile}).
 */
public interface SecretStore {

    /** The stored passwords by setting name (empty when none). */
    Properties read();

    /** Replaces the stored passwords; an empty value removes one. */
    void write(Properties secrets);

    /** Where the passwords are, in a sentence for the Settings screen. */
    String describe();

    /**
     * The keyring when {@code environment} reaches a Secret Service that answers, else {@code fallback}: the console
     * itself; tests pass their own environment (their own session bus) or use the file.
     */
    static SecretStore choose(Path fallback, String storeId, Map<String, String> environment) {
        SecretKeyring keyring = new SecretKeyring(storeId, environment);
        return keyring.available() ? keyring : new SecretFile(fallback);
    }
}
