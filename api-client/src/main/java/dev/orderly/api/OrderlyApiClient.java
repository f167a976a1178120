package dev.orderly.api;

import dev.orderly.model.ErrorCode;
import dev.orderly.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes an {@link OrderlyApi} on Spring's {@code RestClient} (the JDK's HTTP client underneath, so TLS is the JDK's):
 * every call carries the caller's credentials, and every failure is one {@link ApiCallException} with a sentence a
 * person can act on, whether the backend refused (its envelope's message and field errors) or was not reached.
 */
public final class OrderlyApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrderlyApiClient() {
    }

    /**
     * @param baseUrl the backend, e.g. {@code http://127.0.0.1:8080}
     * @param authorization the {@code Authorization} header for each call ("Basic ..." or "Bearer ..."), read at
     *     each call; null or a null answer for none. A call that names its own (a sign-in) keeps it.
     * @param tls the context that trusts an {@code https://} backend's certificate, or null for the JDK's defaults
     */
    public static OrderlyApi connect(String baseUrl, Supplier<String> authorization, SSLContext tls) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            http.sslContext(tls);
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http.build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        RestClient rest = RestClient.builder().baseUrl(base).requestFactory(requests)
            .requestInterceptor(credentials(authorization))
            .requestInterceptor(unreachable(base))
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                throw refusal(response);
            })
            .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build()
            .createClient(OrderlyApi.class);
    }

    private static ClientHttpRequestInterceptor credentials(Supplier<String> authorization) {
        return (request, body, execution) -> {
            String header = authorization == null ? null : authorization.get();
            if (header != null && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION, header);
            }
            return execution.execute(request, body);
        };
    }

    /** A connection that fails says which backend and why, as the console shows it. */
    private static ClientHttpRequestInterceptor unreachable(String base) {
        return (request, body, execution) -> {
            try {
                return execution.execute(request, body);
            } catch (ConnectException e) {
                throw new ApiCallException(0, ErrorCode.BACKEND_UNREACHABLE.with(base), "The backend at " + base
                    + " is not reachable", null, "");
            } catch (SSLException e) {
                throw new ApiCallException(0, ErrorCode.BACKEND_UNTRUSTED.with(base), "The backend at " + base
                    + " could not be trusted over TLS (" + e.getMessage() + "): set its trust store in Settings >"
                    + " Connection", null, "");
            } catch (IOException e) {
                throw new ApiCallException(0, ErrorCode.BACKEND_FAILED.with(base), "Talking to the backend at " + base
                    + " failed: " + e.getMessage(), null, "");
            }
        };
    }

    /** The backend's sentence and field errors from its error envelope, or its status when it sent none. */
    static ApiCallException refusal(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String text;
        try (InputStream in = response.getBody()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return new ApiCallException(status, ErrorCode.REQUEST_REFUSED.with(status), "The backend answered "
                + status + " with something that is not JSON", null, text);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode named = envelope.path("data").path("fields");
        for (String name : named.propertyNames()) {
            fields.put(name, named.get(name).asString());
        }
        JsonNode error = envelope.path("error");
        Map<String, String> args = new LinkedHashMap<>();
        for (String name : error.path("args").propertyNames()) {
            args.put(name, error.path("args").get(name).asString());
        }
        Problem problem = error.hasNonNull("code") ? new Problem(error.get("code").asString(), args)
            : ErrorCode.REQUEST_REFUSED.with(status);
        return new ApiCallException(status, problem, envelope.path("message").asString("The backend answered "
            + status), fields, text);
    }
}
