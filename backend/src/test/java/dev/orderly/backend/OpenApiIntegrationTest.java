package dev.orderly.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * springdoc's description of the API: readable without signing in from this machine, it lists exactly the
 * endpoints of the README's API table (which {@link ReadmeApiTableTest} holds to the controllers), with the
 * request records, the envelope and HTTP Basic; Swagger UI is served.
 */
@IntegrationTest
class OpenApiIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSpecDescribesEveryEndpointOfTheReadmeAndNothingElse() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode spec = JsonMapper.builder().build().readTree(answer.body());

        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            for (Iterator<String> verbs = path.getValue().propertyNames().iterator(); verbs.hasNext();) {
                described.add(verbs.next().toUpperCase() + " " + ReadmeApiTableTest.normalise(path.getKey()));
            }
        }
        assertThat(described).isEqualTo(ReadmeApiTableTest.readmeEndpoints());

        assertThat(spec.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        assertThat(spec.at("/components/schemas/CreateOrderRequest/properties").has("items")).isTrue();
        assertThat(spec.at("/components/schemas/PayAndShipmentRequest").isMissingNode()).isFalse();
        assertThat(spec.at("/info/title").asString()).isEqualTo("Orderly API");
        // The optional Idempotency-Key on requests that change data, and only on those.
        assertThat(spec.at("/paths/~1api~1orders/post/parameters").toString()).contains("Idempotency-Key");
        assertThat(spec.at("/paths/~1api~1orders/get/parameters").toString()).doesNotContain("Idempotency-Key");
    }

    @Test
    void swaggerUiIsServedOnThisMachine() throws Exception {
        HttpResponse<String> ui = get("/swagger-ui.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }
}
