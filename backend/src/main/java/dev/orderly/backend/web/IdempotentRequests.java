package dev.orderly.backend.web;

import dev.orderly.model.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@code Idempotency-Key} request header, as the IETF httpapi draft describes it and payment APIs use it, on
 * every state-changing {@code /api/} request that carries one: the first request with a key runs and its answer is
 * kept (a day); the same key with the same request (method, path, body) gets that answer again, marked
 * {@code Idempotent-Replayed: true}, and changes nothing; the same key with a different request is {@code 422}; the
 * same key while the first request still runs is {@code 409}. The database decides (the key is a primary key), so
 * this holds across threads and across backends sharing one database. Keys are per user: one user's key never
 * answers another's request.
 *
 * <p>Answers of {@code 429} and {@code 5xx} are not kept (the key is freed, so the client's retry runs again), and a
 * key whose request never finished (a crash) is taken over after {@link #ABANDONED}. A request without the header
 * is not affected.
 *
 * <p>A servlet filter after Spring Security's chain (so the user is known and unauthorised requests never reach it).
 */
@Component
public class IdempotentRequests extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofDays(1);
    static final Duration ABANDONED = Duration.ofMinutes(1);
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    /** What a finished first request answered. */
    private record Kept(String fingerprint, Integer status, String contentType, String location, String body) {
    }

    private final JdbcTemplate jdbc;
    private final EnvelopeWriter envelopes;
    private final Clock clock;

    public IdempotentRequests(JdbcTemplate jdbc, EnvelopeWriter envelopes, Clock clock) {
        this.jdbc = jdbc;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    /** A request of the API that changes data (what a key and a stopping backend's 503 apply to). */
    static boolean changesApiData(HttpServletRequest request) {
        return CHANGES.contains(request.getMethod()) && request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !changesApiData(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        String key = unquoted(request.getHeader(HEADER).trim());
        if (!VALID.matcher(key).matches()) {
            envelopes.write(response, HttpStatus.BAD_REQUEST, ErrorCode.IDEMPOTENCY_KEY_INVALID.problem(),
                HEADER + " must be 1 to 255 visible ASCII characters"
                + " (a UUID is a good choice), one per distinct request", Map.of("fields", Map.of(HEADER,
                    "1 to 255 visible ASCII characters")));
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String owner = user == null ? "" : user.getName();
        BufferedRequest buffered = new BufferedRequest(request);
        String fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), request.getQueryString(),
            buffered.body);
        Kept standing = claim(owner, key, fingerprint);
        if (standing != null) {
            answerFrom(standing, key, fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(buffered, recorded);
            int status = recorded.getStatus();
            if (status != HttpStatus.TOO_MANY_REQUESTS.value() && status < 500) {
                jdbc.update("UPDATE idempotency_keys SET status_code = ?, content_type = ?, location = ?,"
                    + " response = ? WHERE user_email = ? AND idem_key = ?", status, recorded.getContentType(),
                    recorded.getHeader("Location"), new String(recorded.getContentAsByteArray(),
                        StandardCharsets.UTF_8), owner, key);
                kept = true;
            }
        } finally {
            if (!kept) {
                forget(owner, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    /** Records the key as running; returns what stands under it instead if it is taken. */
    private Kept claim(String owner, String key, String fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            try {
                jdbc.update("INSERT INTO idempotency_keys (user_email, idem_key, fingerprint, created_at)"
                    + " VALUES (?, ?, ?, ?)", owner, key, fingerprint, Timestamp.from(now));
                return null;
            } catch (DuplicateKeyException taken) {
                // A first request that never finished (its backend died) gives its key up after a while.
                jdbc.update("DELETE FROM idempotency_keys WHERE user_email = ? AND idem_key = ? AND status_code IS"
                    + " NULL AND created_at < ?", owner, key, Timestamp.from(now.minus(ABANDONED)));
                List<Kept> found = jdbc.query("SELECT fingerprint, status_code, content_type, location, response"
                    + " FROM idempotency_keys WHERE user_email = ? AND idem_key = ?", (rs, n) -> new Kept(
                        rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), owner, key);
                if (!found.isEmpty()) {
                    return found.get(0);
                }
            }
        }
        throw new IllegalStateException("the Idempotency-Key " + key + " could not be recorded");
    }

    private void answerFrom(Kept standing, String key, String fingerprint, HttpServletResponse response)
        throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("idempotencyKey", key);
        if (!standing.fingerprint().equals(fingerprint)) {
            envelopes.write(response, HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IDEMPOTENCY_KEY_REUSED.problem(),
                "This Idempotency-Key was already used for"
                + " a different request (another path or body). Use a new key for a new request.", data);
        } else if (standing.status() == null) {
            response.setHeader("Retry-After", "1");
            envelopes.write(response, HttpStatus.CONFLICT, ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT.problem(),
                "The first request with this Idempotency-Key is still"
                + " being processed; send it again in a moment to get its answer.", data);
        } else {
            response.setStatus(standing.status());
            response.setHeader("Idempotent-Replayed", "true");
            if (standing.location() != null) {
                response.setHeader("Location", standing.location());
            }
            if (standing.contentType() != null) {
                response.setContentType(standing.contentType());
            }
            if (standing.body() != null) {
                response.getOutputStream().write(standing.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void forget(String owner, String key) {
        try {
            jdbc.update("DELETE FROM idempotency_keys WHERE user_email = ? AND idem_key = ?", owner, key);
        } catch (RuntimeException e) {
            log.warn("Idempotency-Key {}: not freed ({}); it is taken over after {}", key, e.toString(), ABANDONED);
        }
    }

    /** Keys are kept a day. */
    @Scheduled(fixedDelayString = "${orderly.http.idempotency-sweep:1h}")
    void sweep() {
        jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?", Timestamp.from(clock.instant().minus(KEPT)));
    }

    /** SHA-256 of what makes a request the same request: method, path, query and body. */
    static String fingerprint(String method, String path, String query, String body) {
        return fingerprint(method, path, query, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(String method, String path, String query, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "?" + query + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The draft's value is a structured-field string ({@code "..."}); a bare token is taken as well. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * The request with its body read once (bounded by {@code BodySizeLimit}) for the fingerprint, then re-read. Ours
     * rather than Spring's {@code ContentCachingRequestWrapper}: that one keeps the body only as the application
     * reads it, and the fingerprint is needed before the request runs.
     */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
