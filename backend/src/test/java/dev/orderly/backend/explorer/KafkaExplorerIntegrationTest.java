package dev.orderly.backend.explorer;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.StatusFeed;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.ApiClient.Answer;
import dev.orderly.backend.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The Kafka explorer through its REST endpoints against the real embedded broker: topics, paged records from every
 * start position, filters, odd records shown safely, an order followed across the topics, an offset reset planned,
 * refused while the group has a live member and applied after, and bad input refused with a sentence.
 */
@IntegrationTest
class KafkaExplorerIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Admin admin;

    @Autowired
    SimulatedPaymentGateway gateway;

    @Autowired
    StatusFeed feed;

    private ApiClient api;
    private String topic;
    private Instant beforeLastTen;

    /** A topic of its own: 30 numbered JSON records on partition 0 (keys k0..k29), then three odd ones. */
    @BeforeEach
    void topicWithKnownRecords() throws Exception {
        api = new ApiClient(port);
        topic = "explorer-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < 30; i++) {
                long sentAt = producer.send(new ProducerRecord<>(topic, 0, bytes("k" + i), bytes("{\"n\":" + i
                    + ",\"word\":\"" + (i % 3 == 0 ? "fizz" : "plain") + "\"}"))).get().timestamp();
                if (i == 19) {
                    // Records 20 to 29 are stamped at least a millisecond after this, record 19 before it.
                    beforeLastTen = Instant.ofEpochMilli(sentAt + 1);
                    await().until(() -> System.currentTimeMillis() > sentAt + 1);
                }
            }
            producer.send(new ProducerRecord<>(topic, 1, bytes("binary"), new byte[] {0, 1, 2, (byte) 0xff}))
                .get();
            producer.send(new ProducerRecord<>(topic, 1, bytes("malformed"), bytes("{\"poison\": "))).get();
            producer.send(new ProducerRecord<>(topic, 1, null, null)).get();
        }
    }

    @AfterEach
    void healGateway() {
        gateway.updateSettings(gateway.settings().withRates(0.0, 0.0));
    }

    @Test
    void listsTheClustersTopicsWithPartitionsOffsetsAndReaders() {
        Answer answer = api.get(STAFF, "/api/admin/kafka/topics");
        assertThat(answer.status()).isEqualTo(200);
        Map<String, JsonNode> byName = new HashMap<>();
        answer.data().forEach(t -> byName.put(t.get("name").asString(), t));
        assertThat(byName).containsKeys(KafkaTopics.PROCESSING, KafkaTopics.RETRY, KafkaTopics.DEAD_LETTER,
            KafkaTopics.STATUS_EVENTS, topic);
        JsonNode mine = byName.get(topic);
        assertThat(mine.get("partitions")).hasSize(2);
        assertThat(mine.get("records").asLong()).isEqualTo(33);
        assertThat(mine.get("partitions").get(0).get("endOffset").asLong()).isEqualTo(30);
        assertThat(mine.get("partitions").get(0).get("inSyncReplicas")).hasSize(1);
        assertThat(mine.get("retentionMs").asLong()).isNotZero();
        await().atMost(WAIT).until(() -> readersOf(KafkaTopics.PROCESSING).contains(KafkaTopics.PROCESSING_GROUP));

        assertThat(api.get(ALICE, "/api/admin/kafka/topics").status()).isEqualTo(403);
    }

    /**
     * The backends' live status feeds read {@code order-status-events} under a throw-away group each (a new one
     * each start): a committed offset would never be read again, and would keep every past start's group listed
     * as reading the topic (and offered for a reset) for a week.
     */
    @Test
    void theLiveStatusFeedsGroupsCommitNothing() {
        List<Long> heard = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = feed.subscribe(change -> heard.add(change.orderId()));
        try {
            long first = api.createOrder(ALICE);
            await().atMost(WAIT).until(() -> heard.contains(first));
            // A later poll's record: by then the feed's container has committed whatever it would for the first.
            long second = api.createOrder(ALICE);
            await().atMost(WAIT).until(() -> heard.contains(second));
        } finally {
            unsubscribe.run();
        }
        assertThat(readersOf(KafkaTopics.STATUS_EVENTS)).noneMatch(g -> g.startsWith("orderly-status-broadcast"));
    }

    private List<String> readersOf(String name) {
        for (JsonNode t : api.get(STAFF, "/api/admin/kafka/topics").data()) {
            if (t.get("name").asString().equals(name)) {
                List<String> groups = new ArrayList<>();
                t.get("groups").forEach(g -> groups.add(g.asString()));
                return groups;
            }
        }
        return List.of();
    }

    @Test
    void pagesFromTheStartOldestFirstAndTheCursorCarriesOn() {
        JsonNode first = records("?partition=0&from=start&limit=10");
        assertThat(offsets(first)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        JsonNode second = records("?partition=0&limit=10&cursor=" + first.get("cursor").asString());
        assertThat(offsets(second)).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        JsonNode record = first.get("records").get(3);
        assertThat(record.get("key").asString()).isEqualTo("k3");
        assertThat(record.get("format").asString()).isEqualTo("JSON");
        // Pretty-printed: the value is re-indented, not the one-line text that was sent.
        assertThat(record.get("value").asString()).contains("\n").contains("\"n\" : 3");
    }

    @Test
    void pagesFromTheEndNewestFirstUntilTheStart() {
        JsonNode newest = records("?partition=0&from=end&limit=25");
        assertThat(offsets(newest)).startsWith(29L, 28L, 27L).hasSize(25).endsWith(5L);
        JsonNode rest = records("?partition=0&limit=25&cursor=" + newest.get("cursor").asString());
        assertThat(offsets(rest)).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(rest.get("cursor").isNull()).isTrue();
    }

    @Test
    void startsAtAnOffsetOrATimeAndFiltersByKeyOrText() {
        assertThat(offsets(records("?partition=0&from=offset&offset=27"))).containsExactly(27L, 28L, 29L);
        assertThat(offsets(records("?partition=0&from=offset&offset=2&order=newest"))).containsExactly(2L, 1L, 0L);
        assertThat(offsets(records("?from=timestamp&timestamp=" + beforeLastTen + "&order=oldest&partition=0")))
            .containsExactly(20L, 21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L);
        assertThat(offsets(records("?partition=0&from=start&key=k7"))).containsExactly(7L);
        JsonNode fizz = records("?partition=0&from=start&contains=fizz&limit=4");
        assertThat(offsets(fizz)).containsExactly(0L, 3L, 6L, 9L);
        assertThat(offsets(records("?partition=0&contains=fizz&limit=4&cursor=" + fizz.get("cursor").asString())))
            .containsExactly(12L, 15L, 18L, 21L);
    }

    @Test
    void showsBinaryMalformedAndEmptyRecordsSafely() {
        JsonNode page = records("?partition=1&from=start");
        JsonNode binary = page.get("records").get(0);
        assertThat(binary.get("format").asString()).isEqualTo("BINARY");
        assertThat(binary.get("value").asString()).isEqualTo("000102ff");
        JsonNode malformed = page.get("records").get(1);
        assertThat(malformed.get("format").asString()).isEqualTo("TEXT");
        assertThat(malformed.get("value").asString()).isEqualTo("{\"poison\": ");
        JsonNode empty = page.get("records").get(2);
        assertThat(empty.get("format").asString()).isEqualTo("NULL");
        assertThat(empty.get("key").isNull()).isTrue();
        // Both partitions at once, newest first by time: the odd records came last.
        assertThat(records("?limit=3").get("records").get(0).get("partition").asInt()).isEqualTo(1);
    }

    @Test
    void refusesBadInputWithASentence() {
        assertRefused("/api/admin/kafka/topics/no-such-topic/records", 404, "no topic 'no-such-topic'");
        assertRefused(path("?partition=0&from=offset&offset=31"), 400, "holds offsets 0 to 29");
        assertRefused(path("?partition=0&from=offset&offset=-1"), 400, "out of range");
        assertRefused(path("?from=offset&offset=3"), 400, "needs a partition");
        assertRefused(path("?partition=7"), 400, "has partitions 0 to 1");
        assertRefused(path("?from=timestamp&timestamp=" + Instant.now().plusSeconds(3600)), 400, "in the future");
        assertRefused(path("?from=timestamp&timestamp=yesterday"), 400, "ISO-8601");
        assertRefused(path("?limit=501"), 400, "limit must be between 1 and 500");
        assertRefused(path("?from=middle"), 400, "from must be start, end, offset or timestamp");
        assertRefused(path("?cursor=oldest;0:99999999999999999999"), 400, "cursor");
        assertRefused("/api/admin/kafka/topics/bad%20name/records", 400, "not a Kafka topic name");
    }

    private void assertRefused(String path, int status, String says) {
        Answer answer = api.get(STAFF, path);
        assertThat(answer.status()).as(path).isEqualTo(status);
        assertThat(answer.message()).as(path).contains(says);
    }

    @Test
    void followsARetriedAndDeadLetteredOrderAcrossTheTopics() {
        gateway.updateSettings(gateway.settings().withRates(1.0, 0.0));
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> topicsOf(orderId).contains(KafkaTopics.DEAD_LETTER));
        JsonNode trail = api.get(STAFF, "/api/admin/kafka/orders/" + orderId).data();
        assertThat(topicsOf(orderId)).contains(KafkaTopics.PROCESSING, KafkaTopics.RETRY, KafkaTopics.DEAD_LETTER,
            KafkaTopics.STATUS_EVENTS);
        List<String> kinds = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        trail.get("entries").forEach(e -> {
            times.add(Instant.parse(e.get("at").asString()));
            if (!e.get("timeline").isNull()) {
                kinds.add(e.get("timeline").get("kind").asString());
            } else {
                assertThat(e.get("record").get("key").asString()).isEqualTo(Long.toString(orderId));
            }
        });
        assertThat(kinds).contains("ACCEPTED", "RETRY_SCHEDULED", "DEAD_LETTERED");
        assertThat(times).isSorted();
        assertThat(api.get(ALICE, "/api/admin/kafka/orders/" + orderId).status()).isEqualTo(403);
        assertThat(api.get(STAFF, "/api/admin/kafka/orders/99999999").status()).isEqualTo(404);
    }

    private List<String> topicsOf(long orderId) {
        List<String> topics = new ArrayList<>();
        api.get(STAFF, "/api/admin/kafka/orders/" + orderId).data().get("entries").forEach(e -> {
            if (!e.get("record").isNull()) {
                topics.add(e.get("record").get("topic").asString());
            }
        });
        return topics;
    }

    @Test
    void resetsAGroupOnlyWhileNobodyReadsWithItAfterAPreview() throws Exception {
        String group = "explorer-group-" + UUID.randomUUID();
        TopicPartition p0 = new TopicPartition(topic, 0);
        String body = "{\"topic\":\"" + topic + "\",\"to\":\"OFFSETS\",\"offsets\":{\"0\":10}}";
        try (KafkaConsumer<byte[], byte[]> member = consumer(group)) {
            member.subscribe(List.of(topic));
            await().atMost(WAIT).until(() -> {
                member.poll(Duration.ofMillis(200));
                return !member.assignment().isEmpty();
            });
            member.commitSync(Map.of(p0, new OffsetAndMetadata(30)));

            Answer refused = api.post(STAFF, "/api/admin/kafka/groups/" + group + "/offsets/reset", body);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.message()).contains("live member").contains("Nothing was changed");
        }
        assertThat(committed(group, p0)).isEqualTo(30);

        JsonNode preview = api.post(STAFF, "/api/admin/kafka/groups/" + group + "/offsets/preview", body).data();
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("partitions").get(0).get("current").asLong()).isEqualTo(30);
        assertThat(preview.get("partitions").get(0).get("target").asLong()).isEqualTo(10);
        assertThat(preview.get("partitions").get(0).get("lagAfter").asLong()).isEqualTo(20);
        assertThat(committed(group, p0)).isEqualTo(30);

        await().atMost(WAIT).until(() -> api.post(STAFF, "/api/admin/kafka/groups/" + group + "/offsets/reset",
            body).status() == 200);
        assertThat(committed(group, p0)).isEqualTo(10);
        JsonNode audit = api.get(STAFF, "/api/admin/audit?action=OFFSETS_RESET&limit=1000").data();
        assertThat(audit.toString()).contains(group);

        assertRefusedReset(group, "{\"topic\":\"" + topic + "\",\"to\":\"OFFSETS\",\"offsets\":{\"0\":31}}", 400,
            "out of range");
        assertRefusedReset(group, "{\"topic\":\"" + topic + "\",\"to\":\"TIMESTAMP\",\"timestamp\":\""
            + Instant.now().plusSeconds(3600) + "\"}", 400, "in the future");
        assertRefusedReset("no-such-group-" + UUID.randomUUID(), "{\"topic\":\"" + topic + "\",\"to\":\"EARLIEST\"}",
            404, "no consumer group");
        assertThat(committed(group, p0)).isEqualTo(10);
    }

    private void assertRefusedReset(String group, String body, int status, String says) {
        Answer answer = api.post(STAFF, "/api/admin/kafka/groups/" + group + "/offsets/reset", body);
        assertThat(answer.status()).as(body).isEqualTo(status);
        assertThat(answer.message()).as(body).contains(says);
    }

    private long committed(String group, TopicPartition tp) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
            .get(tp).offset();
    }

    private String path(String query) {
        return "/api/admin/kafka/topics/" + topic + "/records" + query;
    }

    private JsonNode records(String query) {
        Answer answer = api.get(STAFF, path(query));
        assertThat(answer.status()).as(answer.message()).isEqualTo(200);
        return answer.data();
    }

    private static List<Long> offsets(JsonNode page) {
        List<Long> offsets = new ArrayList<>();
        page.get("records").forEach(r -> offsets.add(r.get("offset").asLong()));
        return offsets;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(kafka.getProducerFactory().getConfigurationProperties());
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getProducerFactory().getConfigurationProperties()
            .get("bootstrap.servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
