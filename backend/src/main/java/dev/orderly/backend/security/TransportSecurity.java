package dev.orderly.backend.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to serve plain HTTP beyond this machine: passwords travel in every request (HTTP Basic), so a backend
 * bound to another address than loopback must serve HTTPS (and so WSS), configured with Spring Boot's SSL bundles
 * ({@code server.ssl.bundle}) or {@code server.ssl.key-store}/{@code certificate}. Behind a proxy that terminates
 * TLS on the same trusted network, {@code orderly.security.allow-plain-http=true} says so on purpose.
 */
@Component
class TransportSecurity {

    @Autowired
    TransportSecurity(ServerProperties server, AccessSettings settings) {
        this(ServerAddress.of(server), server.getSsl() == null || server.getSsl().isEnabled(),
            text(server.getSsl(), Ssl::getBundle), text(server.getSsl(), Ssl::getKeyStore),
            text(server.getSsl(), Ssl::getCertificate), settings.allowPlainHttp());
    }

    private static String text(Ssl ssl, java.util.function.Function<Ssl, String> part) {
        String value = ssl == null ? null : part.apply(ssl);
        return value == null ? "" : value;
    }

    TransportSecurity(String address, boolean sslEnabled, String bundle, String keyStore, String certificate,
        boolean plainAllowed) {
        boolean tls = sslEnabled && !(bundle.isBlank() && keyStore.isBlank() && certificate.isBlank());
        refusePlainHttpBeyondLoopback(address, tls, plainAllowed);
    }

    static void refusePlainHttpBeyondLoopback(String address, boolean tls, boolean plainAllowed) {
        if (!tls && !plainAllowed && !LoopbackOrSignedIn.isLoopback(address)) {
            throw new IllegalStateException("Refusing to listen on '" + (address.isBlank() ? "all interfaces"
                : address) + "' over plain HTTP: passwords would cross the network readable. Configure TLS"
                + " (server.ssl.bundle with a spring.ssl.bundle.jks.<name>.keystore, see the README's team section),"
                + " keep server.address=127.0.0.1, or, behind a TLS-terminating proxy on a trusted network, set"
                + " orderly.security.allow-plain-http=true.");
        }
    }
}
