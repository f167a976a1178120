package dev.orderly.backend.faults;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.BackendJar;
import dev.orderly.backend.support.KafkaCluster;
import dev.orderly.backend.support.OrderStream;
import dev.orderly.backend.support.Outcomes;
import dev.orderly.backend.support.PostgresServer;
import dev.orderly.backend.support.StompProbe;
import dev.orderly.backend.support.TestDataDir;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The team shape, broken on purpose: two backend processes in one consumer group, sharing one real PostgreSQL
 * database and a real three-broker Kafka cluster (topics with three copies, {@code min.insync.replicas=2},
 * producers with {@code acks=all}), under streams of orders sent to both: a broker killed, every record delivered
 * three more times across both instances (a group rewind and re-produced records), then a backend killed.
 */
class ScaleOutIT {

    private static final Duration WAIT = Duration.ofSeconds(180);

    private Path dir;
    private KafkaCluster cluster;
    private PostgresServer postgres;
    private final List<BackendJar> backends = new ArrayList<>();
    private final List<OrderStream> streams = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        dir = TestDataDir.create("scale-out");
        cluster = KafkaCluster.start(dir.resolve("kafka"), 3);
        postgres = PostgresServer.shared();
        String database = postgres.newDatabase("team");
        for (String name : List.of("a", "b")) {
            backends.add(BackendJar.on(dir.resolve("backend-" + name),
                "--orderly.instance-name=backend-" + name,
                "--orderly.kafka.mode=external",
                "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                // Two backends of three consumers each: six partitions, so each consumer has one to work on.
                "--orderly.kafka.topics.partitions=6",
                "--orderly.kafka.topics.replication-factor=3",
                "--orderly.kafka.topics.min-insync-replicas=2",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=" + PostgresServer.PASSWORD,
                "--orderly.gateway.latency-min=100ms", "--orderly.gateway.latency-max=400ms",
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1500",
                "--orderly.processing.send-timeout=8s",
                // The sweep voids what a crashed transaction left authorised after 15 s, not 60: a shorter run.
                "--orderly.processing.void-after=15s"));
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (OrderStream stream : streams) {
            stream.close();
        }
        backends.forEach(BackendJar::close);
        if (cluster != null) {
            cluster.close();
        }
        TestDataDir.delete(dir);
    }

    private OrderStream stream(ApiClient api) {
        OrderStream stream = OrderStream.start(api, 10);
        streams.add(stream);
        return stream;
    }

    /**
     * One run, two faults: a broker is killed (the streams must keep being accepted), then a backend is killed (the
     * survivor must take over its partitions and finish what it had in flight). Every 202'd order ends processed
     * exactly once, the invariant checker asked on the survivor says ok, and no payment is captured twice.
     */
    @Test
    void aBrokerAndThenABackendKilledMidStreamLoseNothingAndDoNothingTwice() throws Exception {
        List<CompletableFuture<ApiClient>> starting = backends.stream()
            .map(backend -> CompletableFuture.supplyAsync(() -> start(backend))).toList();
        ApiClient a = starting.get(0).get(3, TimeUnit.MINUTES);
        ApiClient b = starting.get(1).get(3, TimeUnit.MINUTES);
        // A console attached to B: every instance relays order-status-events to its own STOMP clients.
        StompProbe consoleOnB = new StompProbe(backends.get(1).port(), STAFF, "/topic/orders");
        OrderStream toA = stream(a);
        OrderStream toB = stream(b);
        await().atMost(WAIT).until(() -> toA.accepted().size() >= 15 && toB.accepted().size() >= 15);
        assertThat(b.get(STAFF, "/api/me").data().get("instance").asString()).isEqualTo("backend-b");
        // Both backends own partitions of the processing group, and the lag endpoint (any instance) says which.
        await().atMost(WAIT).untilAsserted(() -> assertThat(processingOwners(b))
            .anyMatch(owner -> owner.startsWith("backend-a")).anyMatch(owner -> owner.startsWith("backend-b")));

        // Twenty payment requests for one order at once, ten to each backend: the shared database lets one through.
        long contested = a.createOrder(ALICE);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> twenty = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ApiClient via = i % 2 == 0 ? a : b;
                twenty.add(() -> via.pay(ALICE, contested, "4111111111111111", true).status());
            }
            for (Future<Integer> status : clients.invokeAll(twenty)) {
                statuses.add(status.get(1, TimeUnit.MINUTES));
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(statuses).containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
        await().atMost(WAIT).until(() -> b.status(ALICE, contested).equals("COMPLETED"));
        assertThat(timelineOf(b, contested, "ACCEPTED")).hasSize(1);

        cluster.node(2).kill();
        int acceptedAtBrokerKill = accepted(toA, toB).size();
        // Two copies of three stay in sync: writes are still acknowledged (acks=all, min.insync.replicas=2).
        await().atMost(WAIT).until(() -> accepted(toA, toB).size() >= acceptedAtBrokerKill + 40);
        // The Kafka explorer on the three-broker cluster with a broker down: the topic list answers at once (a
        // partition whose leader died shows no offsets until another broker leads it); once the others lead, every
        // partition has its three replicas, a leader, offsets and at least two replicas in sync (the writes go on),
        // and a page of records reads across all six. (Not waiting for the dead one to leave the in-sync lists:
        // that takes the cluster most of a minute.)
        assertThat(partitionsOf(b, KafkaTopics.PROCESSING)).hasSize(6);
        await().atMost(WAIT).untilAsserted(() -> assertThat(partitionsOf(b, KafkaTopics.PROCESSING)).hasSize(6)
            .allSatisfy(p -> {
                assertThat(p.get("replicas")).hasSize(3);
                assertThat(p.get("inSyncReplicas").size()).isBetween(2, 3);
                assertThat(p.get("leader").isNull()).isFalse();
                assertThat(p.get("endOffset").isNull()).isFalse();
            }));
        assertThat(b.get(STAFF, "/api/admin/kafka/topics/" + KafkaTopics.PROCESSING + "/records?limit=20").data()
            .get("records")).hasSize(20);

        // PostgreSQL crashes (kill -9 of the postmaster) under both streams, stays down for ten seconds and comes
        // back: meanwhile every answer is a 503 with a sentence (never a 500), afterwards both streams are accepted
        // again, every 202 completes (checked at the end) and the checker comes back to ok (below), an
        // authorisation left open by a transaction that died with the database voided by the sweep.
        int unavailableBefore = toA.answered(503) + toB.answered(503);
        postgres.killPostmaster();
        await().pollDelay(Duration.ofSeconds(10)).atMost(WAIT)
            .until(() -> toA.answered(503) + toB.answered(503) >= unavailableBefore + 20);
        postgres.restartAfterKill();
        int acceptedByAAtRestart = toA.accepted().size();
        int acceptedByBAtRestart = toB.accepted().size();
        await().atMost(WAIT).until(() -> toA.accepted().size() >= acceptedByAAtRestart + 15
            && toB.accepted().size() >= acceptedByBAtRestart + 15);
        assertInvariantsHold(b);

        // Duplicates across both instances while both run: every record processed so far is delivered three more
        // times (the group rewound to the start, and each record produced twice more); each has one effect.
        List<Long> rewound = accepted(toA, toB);
        redeliverThreeTimes(a, b, rewound);

        backends.get(0).kill();
        toA.close();
        int acceptedByB = toB.accepted().size();
        await().atMost(WAIT).until(() -> toB.accepted().size() >= acceptedByB + 30);
        // The survivor took over A's partitions (after A's session timed out).
        await().atMost(WAIT).untilAsserted(() -> assertThat(processingOwners(b)).hasSize(6)
            .allMatch(owner -> owner.startsWith("backend-b")));
        toB.close();
        assertThat(toA.outsideTheContract()).as("answers to A through every fault").isEmpty();
        assertThat(toB.outsideTheContract()).as("answers to B through every fault").isEmpty();

        // Asked on the survivor: it sees every order (one database), finished each of A's once, and the invariant
        // checker compares the whole database with the whole shared ledger.
        Outcomes.assertEveryAcceptedOrderProcessedOnce(b, accepted(toA, toB), WAIT);
        assertInvariantsHold(b);
        // Each order says which backend processed it; the work was shared.
        List<String> processors = new ArrayList<>();
        for (long order : accepted(toA, toB)) {
            for (JsonNode entry : b.order(ALICE, order).get("timeline")) {
                if (entry.get("kind").asString().equals("ATTEMPT_SUCCEEDED")) {
                    processors.add(entry.get("detail").asString().replaceAll(":.*", ""));
                }
            }
        }
        assertThat(processors).containsOnly("processed by backend-a", "processed by backend-b")
            .contains("processed by backend-a", "processed by backend-b");
        // The console on B saw, live, every order accepted by A reach COMPLETED (processed by A or by B).
        await().atMost(WAIT).untilAsserted(() -> assertThat(consoleOnB.received.stream()
            .filter(change -> change.to() == OrderStatus.COMPLETED).map(OrderStatusChanged::orderId).toList())
            .containsAll(toA.accepted()));
    }

    /**
     * Waits for {@code orders} to be processed, stops both instances' order consumers (the group is then empty, as
     * {@code kafka-consumer-groups --reset-offsets} needs), rewinds the group to the start of every partition,
     * produces every record of the topic twice more, starts both again, and checks that each order's event was
     * skipped as a duplicate at least three times, by both instances between them, with one successful attempt.
     */
    private void redeliverThreeTimes(ApiClient a, ApiClient b, List<Long> orders) throws Exception {
        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> a.status(ALICE, o).equals("COMPLETED")));
        for (ApiClient api : List.of(a, b)) {
            ApiClient.Answer stopped = api.put(STAFF, "/api/admin/consumers", "{\"running\":false}");
            assertThat(stopped.status()).isEqualTo(200);
            assertThat(stopped.data().get("running").asBoolean()).isFalse();
            assertThat(stopped.message()).contains(stopped.data().get("instance").asString()).contains("stopped");
        }
        Map<String, Object> clientConfig = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers());
        try (Admin admin = Admin.create(clientConfig)) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int partition = 0; partition < 6; partition++) {
                start.put(new TopicPartition(KafkaTopics.PROCESSING, partition), new OffsetAndMetadata(0));
            }
            // Refused while a member is still leaving; accepted once the group is empty.
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(KafkaTopics.PROCESSING_GROUP, start).all().get(5, TimeUnit.SECONDS);
                return true;
            });
        }
        List<ConsumerRecord<String, String>> records = readWholeTopic(clientConfig);
        assertThat(records).hasSizeGreaterThanOrEqualTo(orders.size());
        // The lag monitor has seen the group empty, so the owners looked at below are the rejoined ones.
        await().atMost(WAIT).untilAsserted(() -> assertThat(processingOwners(b)).allMatch("nobody"::equals));
        for (ApiClient api : List.of(a, b)) {
            assertThat(api.put(STAFF, "/api/admin/consumers", "{\"running\":true}").data().get("running")
                .asBoolean()).isTrue();
        }
        // The rewound records come again at once, to whichever instance joins first; the two copies are produced
        // once both own partitions again, so both instances get duplicates to skip.
        await().atMost(WAIT).untilAsserted(() -> assertThat(processingOwners(b))
            .anyMatch(owner -> owner.startsWith("backend-a")).anyMatch(owner -> owner.startsWith("backend-b")));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(clientConfig, new StringSerializer(),
            new StringSerializer())) {
            for (int copy = 0; copy < 2; copy++) {
                for (ConsumerRecord<String, String> record : records) {
                    producer.send(new ProducerRecord<>(KafkaTopics.PROCESSING, record.key(), record.value()));
                }
            }
            producer.flush();
        }
        List<String> skippedBy = new ArrayList<>();
        for (long order : orders) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(timelineOf(b, order, "DUPLICATE_SKIPPED"))
                .as("duplicates skipped for order %d", order).hasSizeGreaterThanOrEqualTo(3));
            timelineOf(b, order, "DUPLICATE_SKIPPED").forEach(detail -> skippedBy.add(detail.replaceAll(",.*", "")));
            assertThat(timelineOf(b, order, "ATTEMPT_SUCCEEDED")).hasSize(1);
        }
        assertThat(skippedBy).contains("skipped by backend-a", "skipped by backend-b");
        assertInvariantsHold(b);
    }

    private static List<ConsumerRecord<String, String>> readWholeTopic(Map<String, Object> clientConfig) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(clientConfig, new StringDeserializer(),
            new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int partition = 0; partition < 6; partition++) {
                partitions.add(new TopicPartition(KafkaTopics.PROCESSING, partition));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return records;
        }
    }

    /**
     * The streams are still running, and orders that arrived while the consumers were stopped may still be queued
     * behind the redelivered records: the checker must come to say ok (a broken guarantee never heals by itself).
     */
    private static List<JsonNode> partitionsOf(ApiClient api, String topic) {
        List<JsonNode> partitions = new ArrayList<>();
        for (JsonNode t : api.get(STAFF, "/api/admin/kafka/topics").data()) {
            if (t.get("name").asString().equals(topic)) {
                t.get("partitions").forEach(partitions::add);
            }
        }
        return partitions;
    }

    private static void assertInvariantsHold(ApiClient api) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode report = api.get(STAFF, "/api/admin/invariants").data();
            assertThat(report.get("ok").asBoolean()).as("invariant report %s", report).isTrue();
        });
    }

    private static List<String> timelineOf(ApiClient api, long order, String kind) {
        List<String> details = new ArrayList<>();
        for (JsonNode entry : api.order(ALICE, order).get("timeline")) {
            if (entry.get("kind").asString().equals(kind)) {
                details.add(entry.get("detail").asString());
            }
        }
        return details;
    }

    /** The owners of order-processing-group's partitions, as GET /api/pipeline/lag reports them. */
    private static List<String> processingOwners(ApiClient api) {
        List<String> owners = new ArrayList<>();
        for (JsonNode row : api.get(STAFF, "/api/pipeline/lag").data().get("partitions")) {
            if (row.get("group").asString().equals("order-processing-group")) {
                JsonNode owner = row.path("owner");
                owners.add(owner.isNull() || owner.isMissingNode() ? "nobody" : owner.asString());
            }
        }
        return owners;
    }

    private static List<Long> accepted(OrderStream... streams) {
        List<Long> accepted = new ArrayList<>();
        for (OrderStream stream : streams) {
            accepted.addAll(stream.accepted());
        }
        return accepted;
    }

    private static ApiClient start(BackendJar backend) {
        try {
            return backend.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
