package dev.orderly.backend.security;

import dev.orderly.backend.web.EnvelopeWriter;
import dev.orderly.model.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests that change data when a browser says they come from another site: a page elsewhere could
 * otherwise make a signed-in user's browser post a form to the API (cancel an order, arm a fault) with the
 * credentials it remembers. Browsers send {@code Origin} (and {@code Sec-Fetch-Site}) on such requests; a request
 * whose origin is not this server's own is answered 403 and changes nothing. Clients that are not browsers (curl,
 * the console, a team's services) send neither header and are not affected. Spring Security's CSRF tokens are for
 * session-cookie sign-ins; this API signs in with HTTP Basic on every request, so the Origin check (the approach
 * OWASP lists for stateless APIs) is the whole defence needed.
 */
final class SameOriginWrites extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final EnvelopeWriter envelopes;

    SameOriginWrites(EnvelopeWriter envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            envelopes.write(response, HttpStatus.FORBIDDEN, ErrorCode.CROSS_ORIGIN_REFUSED.problem(),
                "Cross-origin requests that change data are refused:"
                + " call the API from this server's own pages or from a client that is not a browser");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin.trim());
            String host = request.getHeader("Host");
            if (from.getHost() == null || host == null) {
                return true;
            }
            int port = from.getPort() != -1 ? from.getPort() : "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
            String ownHost = host.contains(":") && !host.endsWith("]") ? host.substring(0, host.lastIndexOf(':'))
                : host;
            int ownPort = host.contains(":") && !host.endsWith("]")
                ? Integer.parseInt(host.substring(host.lastIndexOf(':') + 1)) : request.getServerPort();
            return !(from.getHost().toLowerCase(Locale.ROOT).equals(ownHost.toLowerCase(Locale.ROOT))
                && port == ownPort);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
