package dev.orderly.backend.security;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page on another site cannot make a signed-in user's browser change data: a cross-origin form post to cancel
 * an order is refused and the order stays as it was; the same post from the server's own origin, or from a client
 * that sends no Origin (curl, the console), goes through.
 */
@IntegrationTest
class CrossOriginWritesIntegrationTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> cancel(long orderId, String headerName, String headerValue) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders/"
            + orderId + "/cancel"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (ALICE + ":" + ApiClient.password(ALICE)).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(""));
        if (headerName != null) {
            request.header(headerName, headerValue);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCrossSiteFormPostIsRefusedAndChangesNothing() throws Exception {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);

        HttpResponse<String> foreign = cancel(orderId, "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"success\":false").contains("Cross-origin");
        HttpResponse<String> fetchSite = cancel(orderId, "Sec-Fetch-Site", "cross-site");
        assertThat(fetchSite.statusCode()).isEqualTo(403);
        HttpResponse<String> otherPort = cancel(orderId, "Origin", "http://127.0.0.1:1");
        assertThat(otherPort.statusCode()).isEqualTo(403);
        assertThat(api.status(ALICE, orderId)).isEqualTo("PENDING_PAYMENT");

        assertThat(cancel(orderId, "Origin", "http://127.0.0.1:" + port).statusCode()).isEqualTo(200);
        assertThat(api.status(ALICE, orderId)).isEqualTo("CANCELLED");
    }

    @Test
    void clientsThatAreNotBrowsersAreNotAffected() throws Exception {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        assertThat(cancel(orderId, null, null).statusCode()).isEqualTo(200);
        assertThat(api.status(ALICE, orderId)).isEqualTo("CANCELLED");
    }
}
