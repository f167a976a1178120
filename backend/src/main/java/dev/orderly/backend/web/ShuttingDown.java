package dev.orderly.backend.web;

import dev.orderly.model.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Once the backend is stopping (SIGTERM, a closed console window), a request that would change data is answered
 * {@code 503} with a sentence saying so and {@code Retry-After}, before it touches anything, while the requests
 * already running finish (Spring Boot's graceful shutdown) and the orders in flight are finished or handed back to
 * the broker. Reads are still answered while the server is up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ShuttingDown extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent> {

    private final EnvelopeWriter envelopes;
    private volatile boolean stopping;

    ShuttingDown(EnvelopeWriter envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopping = true;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !stopping || !IdempotentRequests.changesApiData(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        response.setHeader("Retry-After", "5");
        response.setHeader("Connection", "close");
        envelopes.write(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SHUTTING_DOWN.problem(),
            "This backend is shutting down, so the request was"
            + " not accepted and nothing changed. Send it again in a moment: to this backend once it is back, or to"
            + " another one.");
    }
}
