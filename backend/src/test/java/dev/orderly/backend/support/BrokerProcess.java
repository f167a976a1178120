package dev.orderly.backend.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller in one) in its own JVM, started from the Kafka jars on the test
 * classpath with Kafka's own {@code kafka.Kafka} main: the "remote cluster" of the fault tests, alone or as one
 * node of a {@link KafkaCluster}. It can be killed ({@code kill -9}) and restarted on the same log directory and
 * ports.
 */
public final class BrokerProcess implements AutoCloseable {

    private final Path dir;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private Process process;
    private Secured secured;

    /** A SASL_SSL listener for clients: its port, the broker's certificate, and the one client user (PLAIN). */
    private record Secured(int port, TestCertificates tls, String user, String password) {
    }

    BrokerProcess(Path dir, int nodeId, int port, int controllerPort) {
        this.dir = dir;
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * A single-node broker whose clients connect over SASL_SSL ({@link #secureBootstrapServers()}): TLS with
     * {@code tls}'s certificate, SASL PLAIN with {@code user} and {@code password}. Its PLAINTEXT listener is for
     * the broker itself (controller, readiness) and the harness.
     */
    public static BrokerProcess startSaslSsl(Path dir, TestCertificates tls, String user, String password)
        throws IOException, InterruptedException {
        BrokerProcess broker = new BrokerProcess(dir, 1, FreePort.pick(), FreePort.pick());
        broker.secured = new Secured(FreePort.pick(), tls, user, password);
        broker.configure(broker.voter(), 1, Uuid.randomUuid().toString());
        broker.spawn();
        broker.awaitReady(broker.bootstrapServers());
        return broker;
    }

    /** The SASL_SSL listener's address (only for {@link #startSaslSsl}). */
    public String secureBootstrapServers() {
        return "127.0.0.1:" + secured.port();
    }

    /** Formats a new log directory under {@code dir} and starts a single-node broker; returns when it answers. */
    public static BrokerProcess start(Path dir) throws IOException, InterruptedException {
        BrokerProcess broker = new BrokerProcess(dir, 1, FreePort.pick(), FreePort.pick());
        broker.configure(broker.voter(), 1, Uuid.randomUuid().toString());
        broker.spawn();
        broker.awaitReady(broker.bootstrapServers());
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** This node in {@code controller.quorum.voters}. */
    String voter() {
        return nodeId + "@127.0.0.1:" + controllerPort;
    }

    /** kill -9 the broker. */
    public void kill() {
        ChildProcesses.kill(process);
    }

    /** Starts the broker again on the same data and ports (after {@link #kill()}). */
    public void restart() throws IOException {
        spawn();
        awaitReady(bootstrapServers());
    }

    /**
     * Ends the broker at a test's end with {@code kill -9}: its data is thrown away, and a polite stop of a node whose
     * cluster has lost a member waits for leadership to move (ScaleOutIT's teardown took half a minute).
     */
    @Override
    public void close() {
        ChildProcesses.kill(process);
    }

    /** Writes the configuration and formats the log directory: {@code replication} copies of internal topics. */
    void configure(String voters, int replication, String clusterId) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        props.put("controller.quorum.voters", voters);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (secured != null) {
            String secure = "SASL_SSL://127.0.0.1:" + secured.port();
            props.put("listeners", props.get("listeners") + "," + secure);
            props.put("advertised.listeners", props.get("advertised.listeners") + "," + secure);
            props.put("listener.security.protocol.map", props.get("listener.security.protocol.map")
                + ",SASL_SSL:SASL_SSL");
            props.put("sasl.enabled.mechanisms", "PLAIN");
            props.put("listener.name.sasl_ssl.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\""
                    + " password=\"broker-secret\" user_broker=\"broker-secret\" user_" + secured.user() + "=\""
                    + secured.password() + "\";");
            props.put("listener.name.sasl_ssl.ssl.keystore.location", secured.tls().keyStore().toString());
            props.put("listener.name.sasl_ssl.ssl.keystore.password", secured.tls().password());
            props.put("listener.name.sasl_ssl.ssl.key.password", secured.tls().password());
            props.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        }
        props.put("log.dirs", dir.resolve("logs").toString());
        props.put("auto.create.topics.enable", "false");
        String copies = Integer.toString(replication);
        String minInSync = Integer.toString(Math.max(1, replication - 1));
        props.put("offsets.topic.replication.factor", copies);
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", copies);
        props.put("transaction.state.log.min.isr", minInSync);
        props.put("share.coordinator.state.topic.replication.factor", copies);
        props.put("share.coordinator.state.topic.min.isr", minInSync);
        props.put("default.replication.factor", copies);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "2500");
        try (OutputStream out = Files.newOutputStream(dir.resolve("server.properties"))) {
            props.store(out, "Kafka broker for Orderly's fault tests");
        }
        Files.writeString(dir.resolve("logback.xml"), """
            <configuration>
              <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                <file>%s</file>
                <encoder><pattern>%%d %%-5level %%logger{30} - %%msg%%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="FILE"/></root>
            </configuration>
            """.formatted(dir.resolve("broker.log")), StandardCharsets.UTF_8);
        Process format = new ProcessBuilder(List.of(ChildProcesses.java(), BackendLaunch.SHORT_LIVED,
            BackendLaunch.CODE_CACHE, "-cp",
            System.getProperty("java.class.path"),
            "-Dlogback.configurationFile=" + dir.resolve("logback.xml"), "kafka.tools.StorageTool", "format",
            "-t", clusterId, "-c", dir.resolve("server.properties").toString()))
            .redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting the broker's storage failed: "
                + Files.readString(dir.resolve("format.log")));
        }
    }

    /** Starts the process without waiting: a cluster's nodes must come up together to elect a controller. */
    void spawn() throws IOException {
        process = new ProcessBuilder(List.of(ChildProcesses.java(), "-Xmx512m",
            BackendLaunch.SHORT_LIVED, BackendLaunch.CODE_CACHE, "-cp",
            System.getProperty("java.class.path"), "-Dlogback.configurationFile=" + dir.resolve("logback.xml"),
            "kafka.Kafka", dir.resolve("server.properties").toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.out").toFile())).start();
    }

    /** Waits until this broker answers and is a member of the cluster at {@code bootstrap}. */
    void awaitReady(String bootstrap) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsMatching(e -> !(e instanceof Ended))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new Ended(nodeId, outputTail());
                    }
                    return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream()
                        .anyMatch(node -> node.id() == nodeId);
                });
        }
    }

    /** The broker's process ended while starting; the message holds the end of its output (its files may go). */
    static final class Ended extends IllegalStateException {

        Ended(int nodeId, String output) {
            super("broker " + nodeId + "'s process ended while starting; the end of its output:\n" + output);
        }
    }

    private String outputTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("broker.out"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
