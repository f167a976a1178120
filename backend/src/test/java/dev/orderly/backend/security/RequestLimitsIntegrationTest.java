package dev.orderly.backend.security;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.BOB;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.ApiClient.Answer;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.backend.support.StompProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing is slowed to a few tries a minute per account, and a user past the write limit gets 429 with
 * Retry-After; both in the envelope, and neither touches other users or reads.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "orderly.security.rate-limit.failed-sign-ins=3",
    "orderly.security.rate-limit.writes-per-second=5",
})
class RequestLimitsIntegrationTest {

    private static final String ORDER = "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1,\"unitPrice\":5}]}";

    @LocalServerPort
    int port;

    @Autowired
    OrderRepository orders;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(ORDER))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void guessingAPasswordIsStoppedAfterAFewTriesAMinute() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/api/me", BOB, "guess-" + i).statusCode()).isEqualTo(401);
        }
        // Now even the right password waits: the password is not checked at all.
        HttpResponse<String> refused = send("GET", "/api/me", BOB, ApiClient.password(BOB));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"success\":false", "Too many failed sign-ins");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        // Another account is not affected.
        assertThat(send("GET", "/api/me", ALICE, ApiClient.password(ALICE)).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserPastTheWriteLimitGets429WithRetryAfterAndReadsStillWork() throws Exception {
        long before = orders.count();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> answer = send("POST", "/api/orders", ALICE, ApiClient.password(ALICE));
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 429) {
                limited = answer;
            }
        }
        assertThat(statuses).containsOnly(201, 429).contains(429);
        assertThat(limited.body()).contains("\"success\":false", "at most 5 a second");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // Only the accepted ones created orders.
        assertThat(orders.count() - before).isEqualTo(statuses.stream().filter(s -> s == 201).count());
        assertThat(send("GET", "/api/orders", ALICE, ApiClient.password(ALICE)).statusCode()).isEqualTo(200);
    }

    @Test
    void strangersFailedSignInsNeverLockOutASignedInConsole() throws Exception {
        ApiClient api = new ApiClient(port);
        Answer session = api.exchange("POST", "/api/session", null, "Authorization", ApiClient.basic(STAFF));
        assertThat(session.status()).as(session.body().toString()).isEqualTo(200);
        assertThat(session.data().path("user").path("role").asString()).isEqualTo("STAFF");
        String bearer = "Bearer " + session.data().path("token").asString();
        StompProbe console = StompProbe.withAuthorization(port, bearer, "/topic/orders");

        // Someone without any valid credentials floods wrong passwords for the staff account.
        for (int i = 0; i < 20; i++) {
            assertThat(send("GET", "/api/me", STAFF, "guess-" + i).statusCode()).isIn(401, 429);
        }
        // The signed-in console goes on working: REST with its token, and its live feed.
        Answer orders = api.exchange("GET", "/api/orders", null, "Authorization", bearer);
        assertThat(orders.status()).isEqualTo(200);
        long order = api.exchange("POST", "/api/orders", ORDER, "Authorization", bearer).data().get("orderId")
            .asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> console.received.stream()
            .anyMatch(c -> c.orderId() == order));
        assertThat(StompProbe.withAuthorization(port, bearer, "/topic/orders").refused).isFalse();
        // Guessing stays slowed: even the right password waits from this address.
        assertThat(send("GET", "/api/me", STAFF, ApiClient.password(STAFF)).statusCode()).isEqualTo(429);
        // A forged or ended token is a plain 401 that says what to do, and is never a password failure.
        Answer forged = api.exchange("GET", "/api/orders", null, "Authorization", bearer.substring(0,
            bearer.length() - 4) + "AAAA");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.message()).contains("sign in again");
    }
}
