package dev.orderly.backend.security;

import dev.orderly.backend.web.EnvelopeWriter;
import dev.orderly.model.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only requests addressed to this backend by a name it knows: loopback names, any IP address, the
 * configured {@code server.address} and {@code orderly.security.allowed-hosts}. A web page can make a browser's
 * requests reach a loopback backend by DNS rebinding (its own name resolving to 127.0.0.1), but its requests then
 * carry its own name in {@code Host}: they are refused here, before sign-in, for HTTP and the WebSocket handshake
 * alike. An IP address cannot be rebound, so addresses need no list.
 */
final class HostAllowList extends OncePerRequestFilter {

    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-f:.]+(%[0-9a-z]+)?]?");
    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.localdomain",
        "ip6-localhost", "ip6-loopback");

    private final Set<String> names;
    private final EnvelopeWriter envelopes;

    HostAllowList(SecuritySettings settings, String serverAddress, EnvelopeWriter envelopes) {
        this.names = Stream.concat(LOOPBACK_NAMES.stream(),
                Stream.concat(settings.allowedHosts().stream(), Stream.of(serverAddress == null ? "" : serverAddress)))
            .map(n -> n.trim().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        this.envelopes = envelopes;
    }

    boolean allows(String host) {
        if (host == null || host.isEmpty()) {
            return true; // HTTP/1.0 without Host: no name a page could have chosen
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return names.contains(name) || name.endsWith(".localhost") || isIpAddress(name);
    }

    static boolean isIpAddress(String name) {
        if (name.startsWith("[") || name.indexOf(':') >= 0) {
            return IPV6.matcher(name).matches();
        }
        Matcher ipv4 = IPV4.matcher(name);
        if (!ipv4.matches()) {
            return false;
        }
        for (int part = 1; part <= 4; part++) {
            if (Integer.parseInt(ipv4.group(part)) > 255) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        String host = request.getServerName();
        if (request.getHeader("Host") != null && !allows(host)) {
            String shown = host.length() > 60 ? host.substring(0, 60) + "..." : host;
            envelopes.write(response, HttpStatus.MISDIRECTED_REQUEST, ErrorCode.UNKNOWN_HOST.with(shown),
                "This backend does not answer for the host name '"
                + shown + "'. Use its address or a loopback name, or add the name to orderly.security.allowed-hosts.");
            return;
        }
        chain.doFilter(request, response);
    }
}
