package dev.orderly.backend.support;

import dev.orderly.api.OrderlyApi;
import dev.orderly.api.OrderlyApiClient;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.Note;
import dev.orderly.model.NoteCode;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running backend. The typed calls go through the one client of the API the console and the
 * bench use ({@link #as}, {@link #createOrder}, {@link #status}); the raw ones ({@link #post}, {@link #exchange},
 * ...) send what no typed client would, malformed bodies, odd headers and paths, to test how the backend refuses
 * them, and read any answer as JSON.
 */
public final class ApiClient {

    public static final String ALICE = "alice@example.com";
    public static final String BOB = "bob@example.com";
    public static final String STAFF = "staff@example.com";

    public static final String WAREHOUSE_ORDER = """
        {"payment":{"method":"CARD","cardNumber":"%s","amount":%s},
         "shipment":{"recipient":"Alice Kim","phone":"010-1234-5678","address":"1 Main St, Seoul","zipCode":"04524"},
         "warehouseStorage":%s}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The typed client of the API, signed in as {@code user} with the password. */
    public OrderlyApi as(String user) {
        String authorization = basic(user);
        return OrderlyApiClient.connect(base, () -> authorization, null);
    }

    /** A response: status and parsed envelope. */
    public record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {

        public Answer(int status, JsonNode body) {
            this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode data() {
            return body.get("data");
        }

        public String message() {
            return body.path("message").asString();
        }
    }

    public static String password(String user) {
        return switch (user) {
            case ALICE -> "alice-demo";
            case BOB -> "bob-test";
            case STAFF -> "staff-demo";
            default -> "unknown";
        };
    }

    public Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer post(String user, String path, String body) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    /** A POST with any Content-Type header, for clients that send odd ones. */
    public Answer post(String user, String path, String body, String contentType) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    /** A POST with an {@code Idempotency-Key} header. */
    public Answer postWithKey(String user, String path, String body, String key) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json").header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    public Answer put(String user, String path, String body) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    public Answer delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** A GET answered with something other than JSON (CSV, say): the response as text. */
    public HttpResponse<String> getText(String user, String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET();
        String credentials = user + ":" + password(user);
        request.header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code Authorization} header of a user's password. */
    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user))
            .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Any request with exactly the headers given ("Name", "value" pairs; none added, not even credentials), a JSON
     * body when {@code body} is not null.
     */
    public Answer exchange(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(null, request);
    }

    private Answer send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String credentials = user + ":" + password(user);
            request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body;
            try {
                body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (RuntimeException notJson) {
                body = JSON.createObjectNode().put("notJson", text);
            }
            assertNamesItsProblem(response.statusCode(), body);
            assertEveryNoteSaysItsDetail(body);
            assertEveryAuditEntrySaysItsNotes(body);
            return new Answer(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every error envelope any test meets names its problem: a code the shared model knows, with exactly the values
     * that code's sentence needs (so a console can say it in its user's language). A code missing from one error
     * answer, or a value missing from a code, fails whichever test met it.
     */
    static void assertNamesItsProblem(int status, JsonNode body) {
        if (status < 400 || !body.has("success")) {
            return;
        }
        JsonNode error = body.path("error");
        ErrorCode code = ErrorCode.of(new Problem(error.path("code").asString(null), null)).orElseThrow(() ->
            new AssertionError("an error answer (" + status + ") without a known code: " + body));
        Set<String> given = new HashSet<>(error.path("args").propertyNames());
        if (!given.equals(new HashSet<>(code.parameters()))) {
            throw new AssertionError(code + " needs " + code.parameters() + " but the answer gave " + given + ": "
                + body);
        }
    }

    /**
     * Every stored sentence any test reads with its note (timeline entries, redrive outcomes, dead letters) names
     * what it says: a note whose code the shared model knows, with exactly that code's values (a status change's also
     * names its actor), whose English is the entry's detail. A sentence stored without its code, or a code whose
     * English drifted from what is stored, fails whichever test read it.
     */
    static void assertEveryNoteSaysItsDetail(JsonNode body) {
        List<JsonNode> said = new ArrayList<>();
        collect(body.path("data"), said);
        for (JsonNode entry : said) {
            boolean statusChange = entry.path("kind").asString("").equals("STATUS_CHANGE");
            Note note = note(entry.path("note"), entry);
            NoteCode code = note.known().orElseThrow();
            String english = code.english(note);
            String detail = entry.has("detail") ? entry.path("detail").asString() : entry.path("error").asString();
            String actor = note.args().get(Note.ACTOR);
            if (statusChange && actor == null) {
                throw new AssertionError("a status change's note without its actor: " + entry);
            }
            if (!detail.equals(statusChange ? english + " (" + actor + ")" : english)) {
                throw new AssertionError("the note of " + entry + " says \"" + english + "\", not its detail");
            }
        }
    }

    /**
     * The objects under {@code node} that carry a stored sentence: a {@code detail} (a dead letter's {@code error})
     * beside a {@code note}. A dead letter without one was published by hand (tests send some).
     */
    private static void collect(JsonNode node, List<JsonNode> said) {
        if (node.isObject() && (node.has("detail") || node.has("error")) && node.path("note").isObject()) {
            said.add(node);
        }
        if (node.isContainer()) {
            node.forEach(child -> collect(child, said));
        }
    }

    /** The note {@code json} holds, checked: a known code with exactly its values, each part checked the same way. */
    private static Note note(JsonNode json, JsonNode in) {
        NoteCode code = NoteCode.of(json.path("code").asString(null)).orElseThrow(() ->
            new AssertionError("a stored sentence without a known note: " + in));
        Map<String, String> args = new LinkedHashMap<>();
        json.path("args").properties().forEach(e -> args.put(e.getKey(), e.getValue().asString()));
        Map<String, Note> parts = new LinkedHashMap<>();
        json.path("parts").properties().forEach(e -> parts.put(e.getKey(), note(e.getValue(), in)));
        Set<String> given = new HashSet<>(args.keySet());
        given.addAll(parts.keySet());
        given.remove(Note.ACTOR);
        if (!given.equals(new HashSet<>(code.parameters()))) {
            throw new AssertionError(code + " needs " + code.parameters() + " but gave " + given + ": " + in);
        }
        return new Note(code.name(), args, parts);
    }

    /**
     * Every audit entry any test reads keeps its subject and detail by their codes too: each stored sentence has a
     * known note with that code's values whose English is the sentence (or begins it, where the column cut it).
     * {@code AuditLog} takes only notes, so an entry without any is a row from before them.
     */
    static void assertEveryAuditEntrySaysItsNotes(JsonNode body) {
        JsonNode data = body.path("data");
        List<JsonNode> entries = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(entries::add);
        }
        for (String one : List.of("gatewayChanged", "modeChanged", "faultsChanged")) {
            if (data.path(one).isObject()) {
                entries.add(data.path(one));
            }
        }
        for (JsonNode entry : entries) {
            boolean older = entry.path("notes").path("subject").isNull() && entry.path("notes").path("detail").isNull();
            if (!entry.has("action") || !entry.has("backend") || older) {
                continue; // not an entry, or one written before notes (tests insert such rows by SQL)
            }
            for (String part : List.of("subject", "detail")) {
                if (entry.path(part).isNull() || entry.path(part).isMissingNode()) {
                    continue;
                }
                String stored = entry.path(part).asString();
                String english = NoteCode.englishOf(note(entry.path("notes").path(part), entry));
                boolean cut = stored.endsWith("…") && english.startsWith(stored.substring(0, stored.length() - 1));
                if (!stored.equals(english) && !cut) {
                    throw new AssertionError("the " + part + " note of " + entry + " says \"" + english + "\"");
                }
            }
        }
    }

    /** Creates an order for {@code user} of 2 x 12.50 and returns its id. */
    public long createOrder(String user) {
        return as(user).createOrder(new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 2,
            new BigDecimal("12.50")))), null).data().orderId();
    }

    /** Creates an order of two SKU-1 at 12.50 (a total of 25.00), whatever the answer. */
    public Answer create(String user) {
        return post(user, "/api/orders", """
            {"items":[{"sku":"SKU-1","quantity":2,"unitPrice":12.50}]}""");
    }

    public Answer pay(String user, long orderId, String card, boolean warehouse) {
        return post(user, "/api/orders/" + orderId + "/process-payment-shipment",
            WAREHOUSE_ORDER.formatted(card, "25.00", warehouse));
    }

    public String status(String user, long orderId) {
        return as(user).status(orderId).data().status().name();
    }

    public JsonNode order(String user, long orderId) {
        return get(user, "/api/orders/" + orderId).data();
    }
}
