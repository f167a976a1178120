package dev.orderly.backend.lag;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.kafka.EmbeddedKafkaBroker;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.BackendLaunch;
import dev.orderly.backend.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The console's lag is the number Kafka's own {@code kafka-consumer-groups --describe} prints: the tool (its
 * {@code ConsumerGroupCommand}, run as a process of its own, as the script runs it) against the backend's broker,
 * beside {@code GET /api/pipeline/lag}. At rest they are equal; in flight the tool's committed offsets lie between
 * the endpoint's readings taken just before and just after it.
 */
@IntegrationTest
class KafkaToolsAgreementTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    /** One partition's row, from either side. */
    record Row(long committed, long end, long lag) {
    }

    @Test
    void kafkaConsumerGroupsAgreesWithTheLagEndpointInFlightAndAtRest() throws Exception {
        ApiClient api = new ApiClient(port);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(api.createOrder(ALICE));
        }
        for (long order : orders) {
            assertThat(api.pay(ALICE, order, "4111111111111111", true).status()).isEqualTo(202);
        }

        // In flight: before <= tool <= after, partition by partition (committed offsets only move forward).
        Map<Integer, Row> before = endpoint(api);
        Map<Integer, Row> tool = consumerGroupsTool();
        Instant toolDone = Instant.now();
        await().atMost(WAIT).until(() -> Instant.parse(api.get(STAFF, "/api/pipeline/lag").data().get("at")
            .asString()).isAfter(toolDone));
        Map<Integer, Row> after = endpoint(api);
        assertThat(tool.keySet()).isEqualTo(before.keySet());
        for (int partition : tool.keySet()) {
            assertThat(tool.get(partition).committed()).as("partition %d", partition)
                .isBetween(before.get(partition).committed(), after.get(partition).committed());
        }

        // At rest: the same numbers.
        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> api.status(ALICE, o).equals("COMPLETED")));
        await().atMost(WAIT).untilAsserted(() -> {
            Map<Integer, Row> rest = endpoint(api);
            assertThat(rest.values()).allMatch(row -> row.lag() == 0);
            assertThat(consumerGroupsTool()).isEqualTo(rest);
        });
    }

    /** The processing group's rows of GET /api/pipeline/lag. */
    private static Map<Integer, Row> endpoint(ApiClient api) {
        Map<Integer, Row> rows = new TreeMap<>();
        for (JsonNode row : api.get(STAFF, "/api/pipeline/lag").data().get("partitions")) {
            if (row.get("group").asString().equals(KafkaTopics.PROCESSING_GROUP)) {
                rows.put(row.get("partition").asInt(), new Row(row.get("committedOffset").asLong(),
                    row.get("endOffset").asLong(), row.get("lag").asLong()));
            }
        }
        return rows;
    }

    /**
     * {@code kafka-consumer-groups.sh --bootstrap-server ... --describe --group order-processing-group}: columns
     * GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID.
     */
    private Map<Integer, Row> consumerGroupsTool() throws IOException, InterruptedException {
        Path quiet = Files.createTempFile("tool-logback", ".xml");
        Files.writeString(quiet, "<configuration><root level=\"OFF\"/></configuration>");
        Process tool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            BackendLaunch.SHORT_LIVED, BackendLaunch.CODE_CACHE, "-cp", System.getProperty("java.class.path"),
            "-Dlogback.configurationFile=" + quiet,
            "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand", "--bootstrap-server",
            broker.bootstrapServers(), "--describe", "--group", KafkaTopics.PROCESSING_GROUP))
            .redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.delete(quiet);
        assertThat(tool.exitValue()).as(output).isZero();
        Map<Integer, Row> rows = new TreeMap<>();
        for (String line : output.split("\\R")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 6 && columns[0].equals(KafkaTopics.PROCESSING_GROUP)
                && columns[1].equals(KafkaTopics.PROCESSING)) {
                rows.put(Integer.parseInt(columns[2]), new Row(number(columns[3]), number(columns[4]),
                    number(columns[5])));
            }
        }
        assertThat(rows).as(output).isNotEmpty();
        return rows;
    }

    /** "-" (nothing committed yet) counts as 0, as the endpoint shows it. */
    private static long number(String column) {
        return column.equals("-") ? 0 : Long.parseLong(column);
    }
}
