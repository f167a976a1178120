package dev.orderly.console.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The console's TLS: trusting a backend's certificate from a configured trust store (PKCS12 or JKS). */
public final class Tls {

    private Tls() {
    }

    /**
     * A TLS context that trusts the certificates in {@code trustStore} (instead of the JDK's public authorities:
     * a team's backend usually has a certificate of its own). Fails with a message naming the file and the problem.
     */
    public static SSLContext trusting(Path trustStore, String password) {
        if (!Files.isReadable(trustStore)) {
            throw new IllegalArgumentException("The trust store " + trustStore + " does not exist or cannot be read");
        }
        try {
            // KeyStore.getInstance(File, ...) tells PKCS12 from JKS by the file's content.
            KeyStore store = KeyStore.getInstance(trustStore.toFile(), password == null ? null
                : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the trust store " + trustStore + ": " + (e.getCause()
                instanceof java.security.UnrecoverableKeyException ? "wrong password" : e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }
}
