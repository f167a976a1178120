package dev.orderly.backend.audit;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.model.AuditAction;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Staff actions leave an audit trail with who, when, what, on which backend; a refused action leaves none; the
 * trail is for staff only and comes as CSV too; the shared settings say who changed them.
 */
@IntegrationTest
class AuditIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTransitionByHandIsRecordedWithWhoAndWhatAndARefusedOneIsNot() {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        api.pay(ALICE, orderId, "4111111111111111", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ALICE, orderId).equals("PREPARING"));

        assertThat(api.post(STAFF, "/api/orders/" + orderId + "/transitions", "{\"target\":\"COMPLETED\"}")
            .status()).isEqualTo(409);
        assertThat(entriesAbout(api, "order " + orderId)).as("a refused move is not recorded").isEmpty();

        assertThat(api.post(STAFF, "/api/orders/" + orderId + "/transitions", "{\"target\":\"SHIPMENT_STARTED\"}")
            .status()).isEqualTo(200);
        List<JsonNode> entries = entriesAbout(api, "order " + orderId);
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("user").asString()).isEqualTo(STAFF);
        assertThat(entry.get("action").asString()).isEqualTo("ORDER_TRANSITION");
        assertThat(entry.get("detail").asString()).isEqualTo("PREPARING -> SHIPMENT_STARTED");
        // Also by their codes, for a console in another language (the test client checks every entry's notes).
        assertThat(entry.get("notes").get("subject").get("code").asString()).isEqualTo("ORDER");
        assertThat(entry.get("notes").get("detail").get("args").get("to").asString()).isEqualTo("SHIPMENT_STARTED");
        assertThat(entry.get("backend").asString()).isNotBlank();
        assertThat(entry.get("at").asString()).isNotBlank();

        assertThat(api.post(ALICE, "/api/orders/" + orderId + "/cancel", "").status()).isEqualTo(409);
        assertThat(entriesAbout(api, "order " + orderId)).hasSize(1);
    }

    @Test
    void faultsModeAndSimulatorChangesAreRecordedAndTheSharedSettingsSayWhoChangedThem() {
        ApiClient api = new ApiClient(port);
        JsonNode gateway = api.get(STAFF, "/api/admin/gateway").data();
        // The same values again (the shared backend's other tests rely on the instant gateway): still a change made.
        assertThat(api.put(STAFF, "/api/admin/gateway", gateway.toString()).status()).isEqualTo(200);
        assertThat(api.post(STAFF, "/api/admin/faults", "{\"fault\":\"SLOW_CONSUMER\",\"times\":1}").status())
            .isEqualTo(200);
        assertThat(api.delete(STAFF, "/api/admin/faults").status()).isEqualTo(200);
        assertThat(api.put(STAFF, "/api/admin/processing-mode", "{\"mode\":\"KAFKA\"}").status()).isEqualTo(200);

        JsonNode newest = api.get(STAFF, "/api/admin/audit?limit=4").data();
        assertThat(newest).hasSize(4);
        assertThat(List.of(newest.get(0).get("action").asString(), newest.get(1).get("action").asString(),
            newest.get(2).get("action").asString(), newest.get(3).get("action").asString()))
            .containsExactly("MODE_SWITCHED", "FAULTS_DISARMED", "FAULT_ARMED", "GATEWAY_CHANGED");
        assertThat(newest.get(2).get("subject").asString()).isEqualTo("SLOW_CONSUMER");
        assertThat(newest.get(2).get("detail").asString()).contains("next 1 order");
        assertThat(newest.get(0).get("detail").asString()).isEqualTo("was KAFKA");

        JsonNode shared = api.get(STAFF, "/api/admin/shared-settings").data();
        assertThat(shared.get("gatewayChanged").get("user").asString()).isEqualTo(STAFF);
        assertThat(shared.get("gatewayChanged").get("id").asLong()).isEqualTo(newest.get(3).get("id").asLong());
        assertThat(shared.get("modeChanged").get("id").asLong()).isEqualTo(newest.get(0).get("id").asLong());
        assertThat(shared.get("faultsChanged").get("action").asString()).isEqualTo("FAULTS_DISARMED");
        assertThat(shared.get("mode").asString()).isEqualTo("KAFKA");
        assertThat(shared.get("gateway").get("latencyMaxMs").asLong()).isEqualTo(gateway.get("latencyMaxMs").asLong());

        JsonNode onlyFaults = api.get(STAFF, "/api/admin/audit?action=FAULT_ARMED&limit=1000").data();
        onlyFaults.forEach(e -> assertThat(e.get("action").asString()).isEqualTo("FAULT_ARMED"));
        assertThat(onlyFaults).isNotEmpty();
    }

    @Test
    void theTrailIsForStaffOnlyAndComesAsCsv() throws Exception {
        ApiClient api = new ApiClient(port);
        assertThat(api.get(ALICE, "/api/admin/audit").status()).isEqualTo(403);
        assertThat(api.get(ALICE, "/api/admin/shared-settings").status()).isEqualTo(403);
        assertThat(api.get(STAFF, "/api/admin/audit?limit=0").status()).isEqualTo(400);
        ApiClient.Answer unknown = api.get(STAFF, "/api/admin/audit?action=NOPE");
        assertThat(unknown.status()).isEqualTo(400);

        assertThat(api.post(STAFF, "/api/admin/faults", "{\"fault\":\"DUPLICATE_DELIVERY\",\"times\":2}").status())
            .isEqualTo(200);
        assertThat(api.delete(STAFF, "/api/admin/faults").status()).isEqualTo(200);
        JsonNode armed = api.get(STAFF, "/api/admin/audit?action=FAULT_ARMED&limit=1").data().get(0);

        HttpResponse<String> csv = api.getText(STAFF, "/api/admin/audit?limit=1000", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("orderly-audit.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(csv.body())).getRecords();
        CSVRecord row = rows.stream().filter(r -> r.get("id").equals(armed.get("id").asString())).findFirst()
            .orElseThrow();
        assertThat(row.get("user")).isEqualTo(STAFF);
        assertThat(row.get("action")).isEqualTo("FAULT_ARMED");
        assertThat(row.get("subject")).isEqualTo("DUPLICATE_DELIVERY");
        assertThat(row.get("detail")).isEqualTo(armed.get("detail").asString());
        assertThat(row.get("at")).isEqualTo(armed.get("at").asString());
    }

    @Test
    void viewersAskingAtOnceShareOneInvariantReport() {
        ApiClient api = new ApiClient(port);
        List<CompletableFuture<String>> asks = IntStream.range(0, 8)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get(STAFF, "/api/admin/invariants").data()
                .get("at").asString())).toList();
        Set<String> reports = new HashSet<>();
        asks.forEach(ask -> reports.add(ask.join()));
        // One check, or two when the burst straddles the moment the shared report went stale.
        assertThat(reports).hasSizeLessThanOrEqualTo(2);
    }

    private static List<JsonNode> entriesAbout(ApiClient api, String subject) {
        List<JsonNode> found = new java.util.ArrayList<>();
        api.get(STAFF, "/api/admin/audit?limit=1000").data().forEach(e -> {
            if (subject.equals(e.path("subject").asString())) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void entriesOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
        Instant now = Instant.now();
        jdbc.update("INSERT INTO audit_log (recorded_at, user_email, action, subject, detail, backend)"
            + " VALUES (?, 'old@example.com', 'FAULT_ARMED', 'old', 'from long ago', 'test')",
            Timestamp.from(now.minus(Duration.ofDays(91))));
        jdbc.update("INSERT INTO audit_log (recorded_at, user_email, action, subject, detail, backend)"
            + " VALUES (?, 'recent@example.com', 'FAULT_ARMED', 'recent', 'last month', 'test')",
            Timestamp.from(now.minus(Duration.ofDays(30))));

        assertThat(audit.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE user_email = 'old@example.com'",
            Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE user_email = 'recent@example.com'",
            Long.class)).isEqualTo(1);
    }

    @Test
    void aChangeThatFailsLeavesNoRecord() {
        long before = jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class);
        assertThatThrownBy(() -> audit.recordThenApply(STAFF, AuditAction.FAULT_ARMED, AuditLog.name("x"),
            AuditLog.name("y"), () -> {
                throw new IllegalStateException("the change could not be made");
            })).hasMessageContaining("could not be made");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class)).isEqualTo(before);
    }
}
