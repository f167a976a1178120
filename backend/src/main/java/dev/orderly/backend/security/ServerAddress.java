package dev.orderly.backend.security;

import java.net.InetAddress;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;

/** The configured {@code server.address} as it was written (a name stays a name), or "" when none is. */
final class ServerAddress {

    private ServerAddress() {
    }

    static String of(ServerProperties server) {
        InetAddress address = server.getAddress();
        if (address == null) {
            return "";
        }
        // InetAddress.toString() is "name/literal" for a configured name and "/literal" for a literal, with no lookup.
        String written = address.toString();
        int slash = written.indexOf('/');
        return slash > 0 ? written.substring(0, slash) : address.getHostAddress();
    }
}
