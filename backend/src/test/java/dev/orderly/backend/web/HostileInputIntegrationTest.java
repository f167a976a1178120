package dev.orderly.backend.web;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.ApiClient.Answer;
import dev.orderly.backend.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What a second attack on the API tried, each refused with a clear 4xx that changes nothing: numbers that cost
 * seconds of CPU to compute with, duplicate keys, unknown fields, numbers as text, control and direction characters
 * in what staff read, answers the client does not accept (after the data changed, before), host names of other
 * sites (DNS rebinding).
 */
@IntegrationTest
class HostileInputIntegrationTest {

    private static final String PAY = """
        {"payment":{"method":"CARD","cardNumber":"4111111111111111","amount":%s},
         "shipment":{"recipient":%s,"phone":"010-1234-5678","address":%s,"zipCode":"04524"},
         "warehouseStorage":true}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private long orders() {
        return jdbc.queryForObject("select count(*) from orders", Long.class);
    }

    private static String pay(String amount, String recipient, String address) {
        return PAY.formatted(amount, recipient, address);
    }

    /** CPU time of the server's request threads (Tomcat's), summed. */
    private static long requestThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey().getName().startsWith("http-nio-")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getKey().getId()));
            }
        }
        return total;
    }

    @Test
    void hugeExponentsAreRefusedWhenReadWithoutCostingCpu() {
        long order = api.createOrder(ALICE);
        long ordersBefore = orders();
        long cpuBefore = requestThreadsCpuNanos();
        List<Answer> answers = new ArrayList<>();
        for (String huge : List.of("1e10000000", "-1e10000000", "1e-10000000", "1E+999999999")) {
            answers.add(api.post(ALICE, "/api/orders",
                "{\"items\":[{\"sku\":\"X\",\"quantity\":1,\"unitPrice\":" + huge + "}]}"));
            answers.add(api.post(ALICE, "/api/orders/" + order + "/process-payment-shipment",
                pay(huge, "\"Alice Kim\"", "\"1 Main St\"")));
        }
        long cpu = requestThreadsCpuNanos() - cpuBefore;
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
            assertThat(answer.message()).contains("at most 15 digits before and 15 after the decimal point");
        }
        // Eight requests; one such number cost 7.8 s of CPU before it was bounded when read.
        assertThat(cpu).as("request threads' CPU, ns").isLessThan(1_000_000_000L);
        assertThat(orders()).isEqualTo(ordersBefore);
        assertThat(api.status(ALICE, order)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void duplicateKeysUnknownFieldsAndNumbersForTextAreRefusedNamingTheField() {
        long before = orders();
        Answer duplicate = api.post(ALICE, "/api/orders",
            "{\"items\":[{\"sku\":\"A\",\"quantity\":1,\"quantity\":9999,\"unitPrice\":5}]}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.message()).contains("quantity", "given twice");

        Answer unknown = api.post(ALICE, "/api/orders",
            "{\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":5}],\"userEmail\":\"staff@example.com\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("userEmail", "not a field of this request");

        Answer numberForText = api.post(ALICE, "/api/orders",
            "{\"items\":[{\"sku\":12345,\"quantity\":1,\"unitPrice\":5}]}");
        assertThat(numberForText.status()).isEqualTo(400);
        assertThat(numberForText.message()).contains("sku", "must be a text");
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void controlAndDirectionCharactersInWhatStaffReadAreRefused() {
        long order = api.createOrder(ALICE);
        for (String bad : List.of("\"Alice\\u0000Kim\"", "\"Alice \\u001b[31mKim\"", "\"Alice\\r\\nKim\"",
            "\"Alice \\u202eKim\"", "\"Alice\\tKim\"", "\"Alice \\u200bKim\"")) {
            Answer recipient = api.post(ALICE, "/api/orders/" + order + "/process-payment-shipment",
                pay("25.00", bad, "\"1 Main St\""));
            assertThat(recipient.status()).as(bad).isEqualTo(400);
            assertThat(recipient.body().path("data").path("fields").has("payment.shipment.recipient")
                || recipient.message().contains("shipment.recipient")).as(recipient.body().toString()).isTrue();
            Answer address = api.post(ALICE, "/api/orders/" + order + "/process-payment-shipment",
                pay("25.00", "\"Alice Kim\"", bad));
            assertThat(address.status()).as(bad).isEqualTo(400);
            assertThat(address.message()).contains("shipment.address");
        }
        assertThat(api.status(ALICE, order)).isEqualTo("PENDING_PAYMENT");

        // Korean names and addresses, accents written as combining marks, punctuation: all fine.
        Answer korean = api.post(ALICE, "/api/orders/" + order + "/process-payment-shipment",
            pay("25.00", "\"김민지 (José)\"", "\"서울특별시 강남구 테헤란로 123, 4층 #401\""));
        assertThat(korean.status()).as(korean.body().toString()).isEqualTo(202);
    }

    @Test
    void everyWriteEndpointRefusesAnUnacceptableAnswerBeforeChangingAnything() {
        long order = api.createOrder(ALICE);
        long ordersBefore = orders();
        long auditBefore = jdbc.queryForObject("select count(*) from audit_log", Long.class);
        List<String> walked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : methods) {
                    if (!pattern.startsWith("/api/") || method == RequestMethod.GET) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", Long.toString(order));
                    Answer answer = api.exchange(method.name(), path, "{}", "Authorization", ApiClient.basic(STAFF),
                        "Accept", "text/csv");
                    String what = method + " " + path + " -> " + answer.status() + " " + answer.body();
                    assertThat(answer.status()).as(what).isEqualTo(406);
                    assertThat(answer.body().path("success").asBoolean(true)).as(what).isFalse();
                    assertThat(answer.message()).as(what).contains("application/json", "nothing was changed");
                    walked.add(method + " " + pattern);
                }
            }
        }
        assertThat(walked).contains("POST /api/orders", "POST /api/orders/{orderId}/process-payment-shipment",
            "POST /api/orders/{orderId}/cancel", "POST /api/admin/faults");
        assertThat(orders()).isEqualTo(ordersBefore);
        assertThat(api.status(ALICE, order)).isEqualTo("PENDING_PAYMENT");
        assertThat(jdbc.queryForObject("select count(*) from audit_log", Long.class)).isEqualTo(auditBefore);
        assertThat(api.get(STAFF, "/api/admin/faults").data().toString()).doesNotContain("SHIPMENT_FAILS");
    }

    @Test
    void requestsNamingAnotherSitesHostAreRefusedBeforeSignIn() throws Exception {
        long before = orders();
        String body = "{\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":5}]}";
        Map<String, Integer> answers = new HashMap<>();
        for (String host : List.of("rebind.attacker.example", "localhost.attacker.example", "127.0.0.1.nip.io")) {
            answers.put(host, rawStatus("POST", "/api/orders", host + ":" + port, body));
            answers.put(host + " ws", rawStatus("GET", "/ws", host + ":" + port, null));
        }
        assertThat(answers.values()).containsOnly(421);
        assertThat(orders()).isEqualTo(before);
        // This backend's own names still work.
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "LOCALHOST")) {
            assertThat(rawStatus("GET", "/api/me", host, null)).as(host).isEqualTo(200);
        }
    }

    /** The status of one HTTP/1.1 request with the given Host header, over a plain socket (HttpClient sets Host). */
    private int rawStatus(String method, String path, String host, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
                + ApiClient.basic(ALICE) + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
                + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            String status = line.toString(StandardCharsets.US_ASCII);
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
