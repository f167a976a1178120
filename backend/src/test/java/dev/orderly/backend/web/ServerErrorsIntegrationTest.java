package dev.orderly.backend.web;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat answers before any controller runs comes in the API's envelope, never as an HTML page; bodies beyond
 * the limit are refused with 413 and change nothing.
 */
@IntegrationTest
class ServerErrorsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OrderRepository orders;

    /** Sends {@code request} as written, returns the whole answer (head and body). */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertEnvelope(String answer, String status) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer).containsIgnoringCase("Content-Type: application/json").contains("\"success\":false")
            .doesNotContainIgnoringCase("<html").doesNotContain("Apache Tomcat");
    }

    @Test
    void anEncodedNulInTheUrlIsAnsweredInTheEnvelope() throws Exception {
        assertEnvelope(raw("GET /api/orders%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), "400");
    }

    @Test
    void anOversizedHeaderIsAnsweredInTheEnvelope() throws Exception {
        assertEnvelope(raw("GET /api/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000)
            + "\r\nConnection: close\r\n\r\n"), "400");
    }

    @Test
    void aBodyBeyondTheLimitIsRefusedAndCreatesNothing() throws Exception {
        long before = orders.count();
        String huge = "{\"items\":[{\"sku\":\"" + "x".repeat(2_000_000) + "\",\"quantity\":1,\"unitPrice\":1}]}";
        String auth = "Basic " + Base64.getEncoder().encodeToString(
            (ALICE + ":" + ApiClient.password(ALICE)).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
            .header("Authorization", auth).header("Content-Type", "application/json");

        HttpResponse<String> declared = http.send(request.copy().POST(HttpRequest.BodyPublishers.ofString(huge))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"success\":false", "too large");

        // Without a length (chunked), reading stops at the limit.
        HttpResponse<String> chunked = http.send(request.copy().POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"success\":false", "too large");
        assertThat(orders.count()).isEqualTo(before);
    }
}
