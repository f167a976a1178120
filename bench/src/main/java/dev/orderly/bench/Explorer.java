package dev.orderly.bench;

import dev.orderly.model.KafkaRecordPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The Kafka explorer on a large topic: a topic of N records (three partitions, ~250-byte JSON values, keys like
 * order ids), then the first page of records from the end, from the start and from a time in the middle, and a
 * page filtered by text that one record in a thousand holds, each asked through the REST endpoint the console
 * uses, five times after one unmeasured call; the median and the slowest.
 */
final class Explorer {

    /** One in this many records holds the filter's text. */
    private static final int NEEDLE_EVERY = 1_000;

    private Explorer() {
    }

    static void measure(String bootstrap, Api api, int records, List<String[]> rows, Map<String, Double> f)
        throws Exception {
        String topic = "bench-explorer-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("acks", "all");
        config.put("linger.ms", "5");
        config.put("batch.size", "262144");
        config.put("compression.type", "lz4");
        Instant middle = null;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                if (i == records / 2) {
                    producer.flush();
                    middle = Instant.now();
                }
                String value = "{\"orderId\":" + i + ",\"userEmail\":\"alice@example.com\","
                    + "\"from\":\"PENDING_PAYMENT\",\"to\":\"PAYMENT_COMPLETED\",\"at\":\"2026-12-02T10:15:30Z\","
                    + "\"reason\":\"payment authorised,"
                    + " card ending 1111\",\"total\":129.90,\"statusVersion\":3"
                    + (i % NEEDLE_EVERY == 0 ? ",\"note\":\"needle\"" : "") + "}";
                producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        record Ask(String name, String what, Map<String, String> query) {

            MultiValueMap<String, String> parameters() {
                MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
                parameters.add("limit", "50");
                query.forEach(parameters::add);
                return parameters;
            }
        }
        List<Ask> asks = List.of(
            new Ask("newest", "first page from the end, newest first, all partitions", Map.of("from", "end")),
            new Ask("oldest", "first page from the start, oldest first", Map.of("from", "start")),
            new Ask("time", "first page from a time in the middle", Map.of("from", "timestamp", "order", "oldest",
                "timestamp", middle.toString())),
            new Ask("filter", "newest 50 whose value contains a text 1 record in " + NEEDLE_EVERY + " holds",
                Map.of("from", "end", "contains", "needle")));
        for (Ask ask : asks) {
            api.records(topic, ask.parameters());
            List<Double> millis = new ArrayList<>();
            long scanned = 0;
            int found = 0;
            boolean complete = true;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                KafkaRecordPage page = api.records(topic, ask.parameters());
                millis.add((System.nanoTime() - start) / 1e6);
                scanned = page.scanned();
                complete &= page.complete();
                found = page.records().size();
                if (found != 50 && !ask.name().equals("filter")) {
                    throw new IllegalStateException(ask.name() + ": a page of " + found);
                }
            }
            Collections.sort(millis);
            f.put("explorer." + ask.name() + ".ms", millis.get(2));
            rows.add(Bench.row("Kafka explorer, topic of %,d records: %s".formatted(records, ask.what()),
                "median %.0f ms, slowest %.0f ms".formatted(millis.get(2), millis.get(4)),
                "GET /api/admin/kafka/topics/{topic}/records: %d records on the page, %,d read for it%s"
                    .formatted(found, scanned, complete ? "" : "; stopped at its read budget, the cursor carries on")));
        }
    }
}
