package dev.orderly.backend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} package's binaries ({@code ./run-tests} installs
 * it where missing), a cluster made by {@code initdb} in a fresh directory under {@code target/}, started by
 * {@code pg_ctl} on a free port of 127.0.0.1, password authentication over TCP, and stopped when the JVM ends.
 * PostgreSQL refuses to run as root, so when the tests run as root the server runs as the package's
 * {@code postgres} user ({@code runuser}). One server per JVM; each caller gets a database of its own.
 */
public final class PostgresServer {

    /** The superuser's name and password in the test cluster. */
    public static final String USER = "orderly";
    public static final String PASSWORD = "orderly-test";

    private static PostgresServer shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private final boolean durable;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser, boolean durable) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.durable = durable;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(Path.of("target", "postgres"), false);
        }
        return shared;
    }

    /** A new, empty database; returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase()
            .replaceAll("[^a-z0-9_]", "_");
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
            Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server at once (as a crash of the database would), keeping its files. */
    public void stopNow() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "immediate", "-w", "stop"));
    }

    /**
     * {@code kill -9} of the postmaster, as a crash of the database server would do it (not a stop: no shutdown
     * checkpoint, its own processes left to notice they are orphans); returns once it is gone.
     */
    public void killPostmaster() {
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dir, e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().join();
    }

    /** Starts the killed server again on the same port, once its orphaned processes have let go of its memory. */
    public void restartAfterKill() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            startServer();
            return true;
        });
    }

    /** Starts the stopped server again on the same port. */
    public void restart() {
        startServer();
    }

    /**
     * A server of its own in a new cluster under {@code parent}, stopped when the JVM ends (or by {@link #stop()}).
     * As root the server runs as {@code postgres}, which must be able to reach {@code parent} (not under a private
     * temporary directory).
     *
     * @param durable fsync on, as a production server runs (the benchmark); the tests run with fsync off, since
     *     they crash backends, never this server's machine
     */
    public static PostgresServer start(Path parent, boolean durable) {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = parent.resolve("cluster-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path pwfile = dir.resolveSibling(dir.getFileName() + ".pw");
            Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
                Files.setOwner(pwfile, postgres);
            }
            PostgresServer server = new PostgresServer(bin, dir, FreePort.pick(), root, durable);
            server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.toString(), "-U", USER,
                "--pwfile=" + pwfile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-sync"));
            server.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a PostgreSQL cluster in " + dir, e);
        }
    }

    private void startServer() {
        // Sockets only in its own directory.
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-l", dir.resolve("server.log").toString(),
            "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=" + (durable ? "on" : "off")
                + " -c max_connections=200", "-w", "-t", "60", "start"));
    }

    /** Stops the server; its files stay. */
    public void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "fast", "-w", "stop"));
        } catch (RuntimeException e) {
            // already stopped
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findBinaries() {
        String override = System.getenv("ORDERLY_PG_BIN");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL server binaries under /usr/lib/postgresql: install"
                + " Debian's postgresql package (apt-get install -y postgresql), or set ORDERLY_PG_BIN", e);
        }
    }
}
