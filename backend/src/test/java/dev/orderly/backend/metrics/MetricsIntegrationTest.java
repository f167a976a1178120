package dev.orderly.backend.metrics;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operations team scrapes: {@code /actuator/prometheus} carries the pipeline's own meters (orders by
 * outcome, latencies, in flight, per status, lag per partition, outbox backlog, invariant violations) beside the
 * standard JVM, Hikari, Tomcat and Kafka client meters, with live values; staff only.
 */
@IntegrationTest
class MetricsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + ApiClient.password(user)).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(line.find()).as("series %s in the scrape", series).isTrue();
        return Double.parseDouble(line.group(1));
    }

    @Test
    void prometheusCarriesThePipelinesMetersWithLiveValues() throws Exception {
        ApiClient api = new ApiClient(port);
        String before = get("/actuator/prometheus", STAFF).body();
        double acceptedBefore = before.contains("orderly_orders_accepted_total ")
            ? value(before, "orderly_orders_accepted_total") : 0;
        long order = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, order, "4111111111111111", true).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.status(ALICE, order).equals("COMPLETED"));

        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> scrape = get("/actuator/prometheus", STAFF);
            assertThat(scrape.statusCode()).isEqualTo(200);
            String text = scrape.body();
            assertThat(value(text, "orderly_orders_accepted_total")).isEqualTo(acceptedBefore + 1);
            assertThat(value(text, "orderly_orders_processed_total{outcome=\"processed\"}")).isPositive();
            assertThat(value(text, "orderly_orders_status{status=\"COMPLETED\"}")).isPositive();
            assertThat(value(text, "orderly_kafka_consumer_lag{group=\"order-processing-group\",partition=\"0\"}"))
                .isNotNegative();
            assertThat(text).contains("orderly_orders_accept_latency_seconds_bucket{",
                "orderly_orders_processing_latency_seconds_bucket{outcome=\"processed\"",
                "orderly_orders_in_flight ", "orderly_outbox_backlog ", "orderly_invariants_violations ",
                "orderly_orders_redriven_total ", "http_server_requests_seconds_bucket{",
                "jvm_memory_used_bytes{", "hikaricp_connections_active{", "tomcat_sessions_active_current_sessions",
                "kafka_consumer_fetch_manager_records_consumed_total{", "kafka_producer_record_send_total{");
        });
    }

    @Test
    void metricsAreForStaffOnly() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", ALICE).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", ALICE).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics/orderly.orders.in.flight", STAFF).statusCode()).isEqualTo(200);
        // Health stays open (the console's start-up check uses it), its details (data path, disk, broker address,
        // database) for staff only.
        HttpResponse<String> anonymous = get("/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"db\"", "\"kafka\"", "\"status\":\"UP\"")
            .doesNotContain("details", "bootstrap", "path", "database\":");
        assertThat(get("/actuator/health", ALICE).body()).doesNotContain("details");
        assertThat(get("/actuator/health", STAFF).body()).contains("\"details\"");
    }
}
