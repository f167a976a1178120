package dev.orderly.backend;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.ApiClient.Answer;
import dev.orderly.backend.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated bad input at every endpoint that takes a body or parameters: each valid body with one field replaced by
 * a value of the wrong type, an extreme, odd unicode, a nested structure or null, or removed, or an unknown field
 * added, and whole bodies that are not objects or not JSON. Whatever comes, the answer is never a 5xx, always the
 * envelope, never a class, package or library name, and a 4xx changed nothing (each target's state read before
 * and after). The generator is seeded: a failure prints the seed, and {@code -Dorderly.test.seed=} replays it.
 * (Not jqwik: its current line runs on JUnit Platform 1, this build on JUnit 6, and its authors ask that it not
 * be used by AI coding agents, which this project's sessions are.)
 */
@IntegrationTest
class GeneratedInputTest {

    private static final long SEED = Long.getLong("orderly.test.seed", System.nanoTime());
    private static final int PER_TARGET = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOLE = "@@generated@@";

    /** Raw JSON texts put where a field's value was. */
    private static final List<String> VALUES = List.of("null", "\"\"", "\" \"", "\"\\u0000\"", "\"\\u200b\"",
        "\"\\ud800\"", "\"\uff14\uff11\uff11\uff11\"", "\"" + "x".repeat(5000) + "\"", "0", "-1", "1.5", "-0.0",
        "2147483648", "-9223372036854775809", "1e400", "true", "false", "[]", "{}", "[null]",
        "{\"a\":{\"b\":[1,{}]}}", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"", "\"SYNCHRONOUS\"",
        "99999999999999999999999999999", "\"2026-13-45\"", "[[[[[[[[[[]]]]]]]]]]", "1e10000000", "-1e-10000000",
        "1E+999999999", "\"a\\u001b[31mb\"", "\"a\\r\\nb\"", "\"\\u202eevil\"", "\"tab\\there\"");

    /** Accept headers a client may send: the answer is JSON, or 406 before anything runs. */
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "application/*",
        "text/csv", "application/xml", "text/html;q=0.9", "garbage", "application/json;q=0.1, text/plain");

    /** Whole bodies that are not the expected object. */
    private static final List<String> BODIES = List.of("", "null", "[]", "42", "\"text\"", "{", "{}}", "{\"a\":",
        "{}", "\u0000", "{\"items\":[" + "{},".repeat(200) + "{}]}");

    @LocalServerPort
    int port;

    /** An endpoint, a valid body, how to read the state it could change, and how to undo a success. */
    private record Target(String name, String method, String user, Supplier<String> path, String template,
        Function<String, String> state, Runnable reset) {
    }

    @TestFactory
    Stream<DynamicTest> generatedBadInputGetsAClear4xxAndChangesNothing() {
        ApiClient api = new ApiClient(port);
        Random random = new Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (Target target : targets(api)) {
            tests.add(DynamicTest.dynamicTest(target.name() + " (seed " + SEED + ")", () -> {
                int refused = 0;
                for (int i = 0; i < PER_TARGET; i++) {
                    String path = target.path().get();
                    String body = target.template() == null ? null : mutate(target.template(), random);
                    String pathWithQuery = target.template() == null ? path + query(random) : path;
                    String before = target.state().apply(path);
                    String accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
                    Answer answer = api.exchange(target.method(), pathWithQuery,
                        target.method().equals("GET") ? null : body == null ? "" : body,
                        "Authorization", ApiClient.basic(target.user()), "Accept", accept);
                    String what = target.name() + " seed " + SEED + " try " + i + ": Accept " + accept + " "
                        + pathWithQuery + " "
                        + abbreviate(body) + " -> " + answer.status() + " " + abbreviate(answer.body().toString());
                    assertThat(answer.status()).as(what).isLessThan(500);
                    String text = answer.body().toString();
                    assertThat(text).as(what).doesNotContain("Exception", "java.", "dev.orderly", "jackson",
                        "springframework", "at [Source", "`");
                    if (answer.status() >= 400) {
                        refused++;
                        assertThat(answer.body().get("success").asBoolean()).as(what).isFalse();
                        assertThat(answer.message()).as(what).isNotBlank();
                        assertThat(target.state().apply(path)).as("state after " + what).isEqualTo(before);
                    } else {
                        target.reset().run();
                    }
                }
                if (target.template() != null && !target.name().equals("cancel")) {
                    // The generator does produce bad input (a body-less cancel ignores its body).
                    assertThat(refused).as(target.name() + ": 4xx answers of " + PER_TARGET).isPositive();
                }
            }));
        }
        return tests.stream();
    }

    private static String abbreviate(String text) {
        return text == null ? "(no body)" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private List<Target> targets(ApiClient api) {
        Function<String, String> nothing = path -> "";
        Runnable noReset = () -> { };
        Function<String, String> order = path -> {
            JsonNode view = api.order(ALICE, Long.parseLong(path.replaceAll("^/api/orders/(\\d+).*$", "$1")));
            return view.get("status").asString() + " " + view.get("timeline").size();
        };
        Supplier<String> freshOrder = () -> "/api/orders/" + api.createOrder(ALICE);
        String pay = """
            {"payment":{"method":"CARD","cardNumber":"4111111111111111","amount":25.00},
             "shipment":{"recipient":"Alice Kim","phone":"010-1234-5678","address":"1 Main St","zipCode":"04524"},
             "warehouseStorage":true}""";
        return List.of(
            new Target("create an order", "POST", ALICE, () -> "/api/orders",
                "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":12.50}]}",
                path -> ordersInAll(api), noReset),
            new Target("pay and ship", "POST", ALICE, () -> freshOrder.get() + "/process-payment-shipment", pay,
                order, noReset),
            new Target("move an order", "POST", STAFF, () -> freshOrder.get() + "/transitions",
                "{\"target\":\"CANCELLED\"}", order, noReset),
            new Target("cancel", "POST", ALICE, () -> freshOrder.get() + "/cancel", "{}", order, noReset),
            new Target("preview a redrive", "POST", STAFF, () -> "/api/admin/dead-letters/preview",
                "{\"records\":[{\"partition\":0,\"offset\":3}]}", nothing, noReset),
            new Target("redrive", "POST", STAFF, () -> "/api/admin/dead-letters/redrive",
                "{\"records\":[{\"partition\":0,\"offset\":999999}]}", nothing, noReset),
            new Target("arm a fault", "POST", STAFF, () -> "/api/admin/faults",
                "{\"fault\":\"SLOW_CONSUMER\",\"times\":1}", path -> api.get(STAFF, "/api/admin/faults").data()
                    .toString(), () -> api.delete(STAFF, "/api/admin/faults")),
            new Target("gateway settings", "PUT", STAFF, () -> "/api/admin/gateway",
                "{\"latencyMinMs\":0,\"latencyMaxMs\":0,\"errorRate\":0.0,\"timeoutRate\":0.0}",
                path -> api.get(STAFF, "/api/admin/gateway").data().toString(),
                () -> api.put(STAFF, "/api/admin/gateway",
                    "{\"latencyMinMs\":0,\"latencyMaxMs\":0,\"errorRate\":0.0,\"timeoutRate\":0.0}")),
            new Target("processing mode", "PUT", STAFF, () -> "/api/admin/processing-mode", "{\"mode\":\"KAFKA\"}",
                path -> api.get(STAFF, "/api/admin/processing-mode").data().toString(),
                () -> api.put(STAFF, "/api/admin/processing-mode", "{\"mode\":\"KAFKA\"}")),
            new Target("consumers", "PUT", STAFF, () -> "/api/admin/consumers", "{\"running\":true}",
                path -> api.get(STAFF, "/api/admin/consumers").data().toString(),
                () -> api.put(STAFF, "/api/admin/consumers", "{\"running\":true}")),
            new Target("list orders", "GET", STAFF, () -> "/api/orders", null, nothing, noReset),
            new Target("list dead letters", "GET", STAFF, () -> "/api/admin/dead-letters", null, nothing, noReset));
    }

    /** How many orders exist, whatever their status (processing moves statuses on meanwhile). */
    private static String ordersInAll(ApiClient api) {
        long total = 0;
        for (JsonNode count : api.get(STAFF, "/api/orders/counts").data()) {
            total += count.asLong();
        }
        return Long.toString(total);
    }

    /** A query of the list endpoints' parameters, each an odd value. */
    private static String query(Random random) {
        StringBuilder query = new StringBuilder("?");
        for (String name : List.of("page", "size", "status", "email", "limit")) {
            if (random.nextBoolean()) {
                String value = VALUES.get(random.nextInt(VALUES.size())).replace("\"", "");
                query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return query.toString();
    }

    /** The template with one change: a field's value replaced or removed, an unknown field, or another body. */
    static String mutate(String template, Random random) {
        if (random.nextInt(8) == 0) {
            return BODIES.get(random.nextInt(BODIES.size()));
        }
        JsonNode root = JSON.readTree(template);
        List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
        collect(root, fields);
        if (fields.isEmpty()) {
            return BODIES.get(random.nextInt(BODIES.size()));
        }
        Map.Entry<ObjectNode, String> field = fields.get(random.nextInt(fields.size()));
        int choice = random.nextInt(11);
        if (choice == 0) {
            field.getKey().remove(field.getValue());
        } else if (choice == 1) {
            field.getKey().put("unexpected" + random.nextInt(100), HOLE);
        } else if (choice == 2) {
            // The field given twice, the second time with another value.
            String name = "\"" + field.getValue() + "\":";
            String text = JSON.writeValueAsString(root);
            return text.replaceFirst(Pattern.quote(name), Matcher.quoteReplacement(
                name + VALUES.get(random.nextInt(VALUES.size())) + "," + name));
        } else {
            field.getKey().put(field.getValue(), HOLE);
        }
        return JSON.writeValueAsString(root).replace("\"" + HOLE + "\"",
            VALUES.get(random.nextInt(VALUES.size())));
    }

    private static void collect(JsonNode node, List<Map.Entry<ObjectNode, String>> fields) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                fields.add(Map.entry(object, name));
                collect(object.get(name), fields);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> collect(element, fields));
        }
    }
}
