package dev.orderly.backend.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * A real single-node KRaft Kafka broker (broker + controller) running inside this JVM. Its log directory is
 * formatted once and kept, so topics, records and committed offsets survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";

    private final Path directory;
    private final int port;
    private KafkaRaftServer server;
    /** Done once the broker answers clients ({@link #startInBackground}); done at once for {@link #start}. */
    private volatile CompletableFuture<Void> starting = CompletableFuture.completedFuture(null);
    private FileChannel lockChannel;
    private FileLock lock;

    private EmbeddedKafkaBroker(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts a broker with its data under {@code directory}, listening on {@code requestedPort} (0: any free port),
     * and returns once it answers clients.
     */
    public static EmbeddedKafkaBroker start(Path directory, int requestedPort, Duration readyTimeout) {
        int port = requestedPort == 0 ? freePort() : requireFree(requestedPort);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(directory.toAbsolutePath(), port);
        broker.lockDirectory();
        try {
            broker.startServer(readyTimeout);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /**
     * Starts a broker like {@link #start}, but returns at once with its address already fixed: the broker comes up on
     * a thread of its own while the application goes on starting (the two share the machine's cores instead of
     * taking turns), and {@link #awaitStarted} waits for it. A taken port or a data directory in use still fails
     * here, at once.
     */
    public static EmbeddedKafkaBroker startInBackground(Path directory, int requestedPort, Duration readyTimeout) {
        int port = requestedPort == 0 ? freePort() : requireFree(requestedPort);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(directory.toAbsolutePath(), port);
        broker.lockDirectory();
        // One thread for one task, which ends with the start: Spring's executor that makes a thread per task.
        SimpleAsyncTaskExecutor thread = new SimpleAsyncTaskExecutor("embedded-kafka-start-");
        thread.setDaemon(true);
        broker.starting = CompletableFuture.runAsync(() -> {
            synchronized (broker) {
                broker.startServer(readyTimeout);
            }
        }, thread);
        return broker;
    }

    /**
     * The broker itself did not start: its port is taken, it failed, or it never became ready. Its own type, so
     * whoever reports the start (the console's start-up window) names the broker, whatever else was starting then.
     */
    public static final class StartFailed extends IllegalStateException {

        StartFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Returns once the broker answers clients; throws why it did not start (its directory released), if not. */
    public void awaitStarted() {
        try {
            starting.join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException failure ? failure
                : new StartFailed("The embedded Kafka broker did not start", e.getCause());
        }
    }

    /** Runs {@code then} once the broker answers clients (at once if it already does); never if it fails. */
    public void whenStarted(Runnable then) {
        starting.thenRun(then);
    }

    /** One Orderly per data directory: refuse clearly here, before Kafka's own lock check ends the JVM. */
    private void lockDirectory() {
        try {
            Files.createDirectories(directory);
            lockChannel = FileChannel.open(directory.resolve("orderly.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeLock();
            throw new IllegalStateException("The data directory " + directory.getParent() + " is in use by another"
                + " Orderly. Close it, or start this one with --orderly.data-dir=<another directory>.");
        }
    }

    private void closeLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // released with the process anyway
        }
        lock = null;
        lockChannel = null;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    private void startServer(Duration readyTimeout) {
        long started = System.nanoTime();
        Path logDir = directory.resolve("logs");
        Properties props = brokerProperties(logDir, freePort());
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(props);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka data directory " + logDir, e);
        }
        // During start-up a fatal broker error must fail this call, not end the JVM (Kafka's default).
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka broker exit " + status + ": " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Kafka broker halt " + status + ": " + message);
        });
        try {
            server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            throw new StartFailed("The embedded Kafka broker did not start (data in " + logDir
                + "). If another Orderly is running with the same data directory, stop it or pass"
                + " --orderly.data-dir=<another directory>. Cause: " + e.getMessage(), e);
        } finally {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
        awaitReady(readyTimeout);
        log.info("Embedded Kafka broker ready on {} in {} ms (data in {})", bootstrapServers(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logDir);
    }

    private Properties brokerProperties(Path logDir, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "2500");
        return props;
    }

    private void format(Properties props) throws IOException {
        Path config = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "Written by Orderly to format the embedded broker's storage");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int exit;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(),
                "--ignore-formatted"}, print);
        }
        if (exit != 0) {
            throw new IllegalStateException("Formatting the Kafka storage in " + directory + " failed: "
                + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady(Duration timeout) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(4, TimeUnit.SECONDS);
                    admin.listTopics().names().get(4, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new StartFailed("The embedded Kafka broker on " + bootstrapServers()
                            + " did not become ready within " + timeout.toSeconds() + " s", e);
                    }
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for the embedded broker", e);
                    }
                }
            }
        }
    }

    /**
     * Stops the broker but keeps its data, port and the data directory's lock: a broker outage for fault drills.
     * Clients keep retrying until {@link #restart} brings it back.
     */
    public synchronized void stopForOutage() {
        if (server != null) {
            log.warn("Fault drill: stopping the embedded Kafka broker on {}", bootstrapServers());
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again after {@link #stopForOutage}, on the same port and data. */
    public synchronized void restart(Duration readyTimeout) {
        if (server == null) {
            startServer(readyTimeout);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            log.info("Stopping the embedded Kafka broker on {}", bootstrapServers());
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        closeLock();
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return port;
        } catch (IOException e) {
            throw new StartFailed("Port " + port + " on " + HOST + " is taken, so the embedded Kafka broker"
                + " cannot listen there. Stop the program using it, or start Orderly with"
                + " --orderly.kafka.embedded.port=0 (any free port).", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }
}
