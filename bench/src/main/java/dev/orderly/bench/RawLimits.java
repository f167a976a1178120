package dev.orderly.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the same broker and the same kind of database can do on their own, measured in the same run. */
final class RawLimits {

    record Result(int records, double producePerSecond, double consumePerSecond) {
    }

    private RawLimits() {
    }

    static Result measure(String bootstrap, int records, int size) throws Exception {
        String topic = "bench-raw-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producerConfig = new Properties();
        producerConfig.put("bootstrap.servers", bootstrap);
        producerConfig.put("acks", "all");
        producerConfig.put("enable.idempotence", "true");
        producerConfig.put("linger.ms", "5");
        producerConfig.put("batch.size", "65536");
        byte[] value = new byte[size];
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(), value));
            }
            producer.flush();
        }
        double produce = records / ((System.nanoTime() - start) / 1e9);

        Properties consumerConfig = new Properties();
        consumerConfig.put("bootstrap.servers", bootstrap);
        consumerConfig.put("enable.auto.commit", "false");
        consumerConfig.put("max.poll.records", "2000");
        int seen = 0;
        start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
            new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1),
                new TopicPartition(topic, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (seen < records && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                seen += batch.count();
            }
        }
        double consume = seen / ((System.nanoTime() - start) / 1e9);
        return new Result(records, produce, consume);
    }

    /**
     * One order's database work without the application: the rows the pipeline writes per order (order, item,
     * status history, outbox, attempts, inbox, payment, shipment, storage) in the same number of commits (4).
     */
    static double databaseWrites(Path file, int orders) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath()
            + ";WRITE_DELAY=0", "sa", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE w (id BIGINT AUTO_INCREMENT PRIMARY KEY, k VARCHAR(100), v VARCHAR(500))");
            }
            db.setAutoCommit(false);
            String payload = "x".repeat(300);
            long start = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO w (k, v) VALUES (?, ?)")) {
                int[] rowsPerCommit = {6, 1, 12, 1};
                for (int order = 0; order < orders; order++) {
                    for (int rows : rowsPerCommit) {
                        for (int r = 0; r < rows; r++) {
                            insert.setString(1, order + "-" + r);
                            insert.setString(2, payload);
                            insert.executeUpdate();
                        }
                        db.commit();
                    }
                }
            }
            return orders / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The raw PostgreSQL rate of one order's writes: {@code clients} threads, each writing 13 rows of about the
     * pipeline's size in one commit per order (the rows of one processed order, written at once), on the same
     * server the backends use. Returns orders per second.
     */
    static double postgresWrites(String url, String user, String password, int clients, int orders)
        throws Exception {
        try (Connection db = DriverManager.getConnection(url, user, password);
            Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE w (id BIGSERIAL PRIMARY KEY, k VARCHAR(100) NOT NULL, v VARCHAR(500))");
            ddl.execute("CREATE INDEX w_k ON w (k)");
        }
        AtomicInteger left = new AtomicInteger(orders);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        String payload = "x".repeat(300);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                try (Connection db = DriverManager.getConnection(url, user, password);
                    PreparedStatement insert = db.prepareStatement("INSERT INTO w (k, v) VALUES (?, ?)")) {
                    db.setAutoCommit(false);
                    for (int order = left.getAndDecrement(); order > 0; order = left.getAndDecrement()) {
                        for (int r = 0; r < 13; r++) {
                            insert.setString(1, order + "-" + r);
                            insert.setString(2, payload);
                            insert.executeUpdate();
                        }
                        db.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get();
        }
        pool.shutdown();
        return orders / ((System.nanoTime() - start) / 1e9);
    }
}
