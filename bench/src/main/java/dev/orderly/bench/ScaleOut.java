package dev.orderly.bench;

import dev.orderly.backend.support.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL and several backends, on a real PostgreSQL server started for the run (fsync on, as in production):
 * the raw PostgreSQL rate of one order's writes; the instant gateway on PostgreSQL (beside H2's figure of the same
 * run); and the seed's 3-5 s gateway with one backend, then two in one consumer group on the same database and
 * broker. Each backend holds at most {@link #IN_FLIGHT} orders at once (its bounded capacity, like the seed's
 * request threads), so with the slow gateway a backend's rate is bounded by its in-flight orders over the payment
 * latency, and a second backend should nearly double it.
 */
final class ScaleOut {

    static final int IN_FLIGHT = 100;
    private static final int PARTITIONS = 6;

    private ScaleOut() {
    }

    static void run(Path jar, Path data, boolean smoke, List<String[]> rows, Map<String, Double> f) throws Exception {
        Bench.progress("PostgreSQL server (fsync on) for the scale-out section");
        // Under target/, not the private temporary directory: as root, the server runs as the postgres user.
        PostgresServer pg = PostgresServer.start(Path.of("target", "postgres").toAbsolutePath(), true);
        try {
            int rawOrders = smoke ? 500 : 20_000;
            Bench.progress("raw PostgreSQL: " + rawOrders + " orders' rows, 8 clients");
            double raw = RawLimits.postgresWrites(pg.newDatabase("raw"), PostgresServer.USER,
                PostgresServer.PASSWORD, 8, rawOrders);
            f.put("raw.pg", raw);
            rows.add(Bench.row("raw PostgreSQL rate of one order's writes (13 rows, one commit, 8 clients)",
                Bench.rate(raw), "the same server the backends below use, fsync on; " + rawOrders + " orders"));

            int n = smoke ? 300 : 20_000;
            Bench.progress("end to end on PostgreSQL, gateway latency 0: " + n + " orders");
            try (BackendProcess backend = BackendProcess.start(jar, data.resolve("pg-instant"), "instant",
                database(pg, "instant"))) {
                Api api = new Api(backend.baseUrl());
                EndToEnd.warmUp(api, smoke);
                EndToEnd.Result e2e = EndToEnd.run(List.of(api), n, 64, backend::cpuSeconds);
                f.put("e2e.instant.pg", e2e.ordersPerSecond());
                f.put("e2e.instant.pg.cpu.ms", e2e.cpuMillisPerOrder());
                Double h2 = f.get("e2e.instant");
                rows.add(Bench.row("end to end on PostgreSQL, gateway latency 0: " + n + " orders",
                    Bench.rate(e2e.ordersPerSecond()), ("%.1f s; %.0f%% of the raw PostgreSQL rate; backend CPU %.2f ms"
                        + " per order (PostgreSQL's own in its processes)%s%s").formatted(e2e.seconds(),
                            100 * e2e.ordersPerSecond() / raw, e2e.cpuMillisPerOrder(), Bench.warmedUp(smoke),
                            h2 == null ? "" : "; H2 in this run: " + Bench.rate(h2))));
            }

            int seedOrders = smoke ? 60 : 1_500;
            EndToEnd.Result one = seed(jar, data.resolve("seed-1"), pg, 1, seedOrders);
            EndToEnd.Result two = seed(jar, data.resolve("seed-2"), pg, 2, seedOrders);
            f.put("scale.1.steady", one.steadyPerSecond());
            f.put("scale.2.steady", two.steadyPerSecond());
            f.put("scale.1.all", one.ordersPerSecond());
            f.put("scale.2.all", two.ordersPerSecond());
            for (int backends = 1; backends <= 2; backends++) {
                EndToEnd.Result r = backends == 1 ? one : two;
                rows.add(Bench.row("seed gateway 3-5 s on PostgreSQL, " + backends + " backend(s), at most "
                    + IN_FLIGHT + " in flight each, " + PARTITIONS + " partitions: " + seedOrders + " orders",
                    "%s held, %s overall".formatted(Bench.rate(r.steadyPerSecond()), Bench.rate(r.ordersPerSecond())),
                    "held = finished per second between 10% and 90% of the orders; overall includes the first and"
                        + " last payments' 3-5 s; %.1f s".formatted(r.seconds())));
            }
            rows.add(Bench.row("two backends vs one, seed gateway", "%.2fx held, %.2fx overall".formatted(
                two.steadyPerSecond() / Math.max(one.steadyPerSecond(), 1e-9),
                two.ordersPerSecond() / one.ordersPerSecond()), "goal >= 1.8x; one box runs both backends,"
                    + " the database, the broker and the load generator"));
        } finally {
            pg.stop();
        }
    }

    /** One or two backends on a fresh database: the first runs the broker, the second joins it. */
    private static EndToEnd.Result seed(Path jar, Path data, PostgresServer pg, int backends, int n)
        throws Exception {
        Bench.progress("seed gateway 3-5 s on PostgreSQL with " + backends + " backend(s): " + n + " orders");
        String[] db = database(pg, "seed" + backends);
        List<BackendProcess> started = new ArrayList<>();
        try {
            BackendProcess first = BackendProcess.start(jar, data.resolve("a"), "seed",
                with(db, "--orderly.instance-name=bench-a", "--orderly.kafka.topics.partitions=" + PARTITIONS,
                    "--orderly.processing.max-in-flight=" + IN_FLIGHT));
            started.add(first);
            List<Api> apis = new ArrayList<>(List.of(new Api(first.baseUrl())));
            for (int i = 1; i < backends; i++) {
                BackendProcess next = BackendProcess.start(jar, data.resolve("b" + i), "seed",
                    with(db, "--orderly.instance-name=bench-b" + i, "--orderly.kafka.mode=external",
                        "--spring.kafka.bootstrap-servers=" + first.bootstrapServers(),
                        "--orderly.processing.max-in-flight=" + IN_FLIGHT));
                started.add(next);
                apis.add(new Api(next.baseUrl()));
            }
            for (Api api : apis) {
                api.awaitOwnsPartitions(60);
            }
            return EndToEnd.run(apis, n, 400, () -> -1);
        } finally {
            for (BackendProcess backend : started) {
                backend.close();
            }
        }
    }

    private static String[] database(PostgresServer pg, String name) {
        return new String[] {"--spring.datasource.url=" + pg.newDatabase(name),
            "--spring.datasource.username=" + PostgresServer.USER,
            "--spring.datasource.password=" + PostgresServer.PASSWORD};
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
