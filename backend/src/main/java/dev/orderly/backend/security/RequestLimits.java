package dev.orderly.backend.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.orderly.backend.web.EnvelopeWriter;
import dev.orderly.model.ErrorCode;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits a shared backend needs:
 * <ul>
 * <li>failed sign-ins: at most {@code orderly.security.rate-limit.failed-sign-ins} per minute per account and
 * source address (10); beyond that, password sign-ins to that account from that address answer 429 with
 * {@code Retry-After} until the minute is over, without checking the password, so guessing goes from ~1,300 tries a
 * second to 10 a minute. A client that signed in holds a session token ({@link SessionTokens}) and is never
 * refused for failures it did not make. The counts live in a bounded map whose entries expire with their minute,
 * so made-up account names cannot grow it;</li>
 * <li>requests that change data: at most {@code orderly.security.rate-limit.writes-per-second} per user (1000,
 * far above what a person or the console sends; a team lowers it for its clients), as Resilience4j rate limiters
 * per signed-in user (configured users only, so that registry stays small).</li>
 * </ul>
 */
@Component
public class RequestLimits {

    /** Failed sign-ins of one account from one address within its minute. */
    private record Window(long startNanos, AtomicInteger failures) {
    }

    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);
    static final int MAX_TRACKED = 100_000;

    private final int failedPerMinute;
    private final Ticker ticker;
    private final Cache<String, Window> failedSignIns;
    private final RateLimiterRegistry writes;
    private final EnvelopeWriter envelopes;

    @Autowired
    RequestLimits(AccessSettings settings, EnvelopeWriter envelopes) {
        this(settings.rateLimit().failedSignIns(), settings.rateLimit().writesPerSecond(), envelopes,
            Ticker.systemTicker());
    }

    RequestLimits(int failedPerMinute, int writesPerSecond, EnvelopeWriter envelopes, Ticker ticker) {
        this.failedPerMinute = failedPerMinute;
        this.ticker = ticker;
        // Entries are created at a minute's first failure and never rewritten, so each expires with its minute.
        this.failedSignIns = Caffeine.newBuilder().expireAfterWrite(FAILURE_WINDOW).maximumSize(MAX_TRACKED)
            .ticker(ticker).build();
        this.writes = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(writesPerSecond)
            .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
        this.envelopes = envelopes;
    }

    /** Counts a failed sign-in of the account named in the request's Basic credentials, from its address. */
    void failedSignIn(HttpServletRequest request) {
        String key = key(request);
        if (key != null) {
            failedSignIns.get(key, k -> new Window(ticker.read(), new AtomicInteger())).failures().incrementAndGet();
        }
    }

    /** How many accounts and addresses have failures counted now (expired ones are cleaned up first). */
    long tracked() {
        failedSignIns.cleanUp();
        return failedSignIns.estimatedSize();
    }

    /** Answers 429 for an account whose failed sign-ins from this address are used up; true if it did. */
    boolean refuseSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = key(request);
        Window window = key == null ? null : failedSignIns.getIfPresent(key);
        if (window == null || window.failures().get() < failedPerMinute) {
            return false;
        }
        long left = FAILURE_WINDOW.toNanos() - (ticker.read() - window.startNanos());
        long seconds = Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", Long.toString(seconds));
        envelopes.write(response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_SIGN_INS.with(seconds),
            "Too many failed sign-ins for this account from"
            + " this address: try again in " + seconds + " s (a console that is already signed in is not affected)");
        return true;
    }

    private static String key(HttpServletRequest request) {
        String user = basicUser(request);
        return user == null ? null : user + " " + request.getRemoteAddr();
    }

    /** Answers 429 for a user past the write limit; true if it did. */
    boolean refuseWrite(String user, HttpServletResponse response) throws IOException {
        RateLimiter limiter = writes.rateLimiter(user.toLowerCase(Locale.ROOT));
        if (limiter.acquirePermission()) {
            return false;
        }
        int limit = limiter.getRateLimiterConfig().getLimitForPeriod();
        response.setHeader("Retry-After", Long.toString(retryAfter(limiter)));
        envelopes.write(response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_WRITES.with(limit),
            "Too many requests that change data: at most " + limit + " a second per user; try again shortly");
        return true;
    }

    /** Seconds until the limiter's next period (the registry makes AtomicRateLimiters, which can tell). */
    private static long retryAfter(RateLimiter limiter) {
        long nanos = limiter.getMetrics() instanceof AtomicRateLimiter.AtomicRateLimiterMetrics atomic
            ? atomic.getNanosToWait() : limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, colon).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Before sign-in: an account whose failed sign-ins from this address are used up is answered 429. */
    OncePerRequestFilter signInFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                FilterChain chain) throws ServletException, IOException {
                if (!refuseSignIn(request, response)) {
                    chain.doFilter(request, response);
                }
            }
        };
    }

    /** After sign-in: requests that change data count against the user's write limit. */
    OncePerRequestFilter writeFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                FilterChain chain) throws ServletException, IOException {
                Authentication who = SecurityContextHolder.getContext().getAuthentication();
                boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                    && !"OPTIONS".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/");
                if (write && who != null && who.isAuthenticated() && refuseWrite(who.getName(), response)) {
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
