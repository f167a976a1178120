package dev.orderly.bench;

import dev.orderly.model.ProcessingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One command, every figure. Starts the backend jar in its own JVM (embedded broker, H2 file) twice: with a payment
 * simulator of no latency, for the limits (raw broker and database rates, measured in the same run), accept latency
 * under open-loop load, end-to-end throughput and the heap; then with the seed's 3-5 s payments on the seed's 3
 * partitions. Both times the seed's synchronous "before" runs side by side with the Kafka mode.
 * Usage: {@code Bench [--smoke] [--only=accept,e2e,sync,seed,scale,explorer]} (limits always run); prints a
 * Markdown table and writes a PNG chart (only when every section ran).
 */
public final class Bench {

    /** The printed rows and the raw figures (for the smoke test and the chart). */
    record Report(List<String[]> rows, Map<String, Double> figures) {
    }

    private Bench() {
    }

    /** Orders one backend keeps in flight in the seed-gateway section. */
    static final int SEED_IN_FLIGHT = 3_000;

    /** Every section; {@code --only=} picks some. */
    static final Set<String> ALL = Set.of("accept", "e2e", "sync", "seed", "scale", "explorer");

    private static final String USAGE = "usage: ./benchmark [--smoke] [--only=SECTION,...] with SECTION one of "
        + new TreeSet<>(ALL) + " (the raw limits always run; without --only, every section, ~15 min, and the chart"
        + " docs/benchmarks.png is rewritten)";

    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        Set<String> sections = new HashSet<>(ALL);
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.startsWith("--only=") && ALL.containsAll(List.of(arg.substring(7).split(",")))) {
                sections.retainAll(List.of(arg.substring("--only=".length()).split(",")));
            } else {
                // An argument this does not know runs nothing: a typo must not start a 15-minute run.
                System.out.println(USAGE);
                System.exit(arg.equals("--help") || arg.equals("-h") ? 0 : 2);
            }
        }
        Locale.setDefault(Locale.ROOT);
        Path chart = Path.of(smoke ? "bench/target/benchmark-smoke.png" : "docs/benchmarks.png").toAbsolutePath();
        int exit = 0;
        Report report = new Report(new ArrayList<>(), new LinkedHashMap<>());
        try {
            run(smoke, sections, chart, report);
            System.out.println("chart: " + chart);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        print(report.rows());
        System.exit(exit);
    }

    static void run(boolean smoke, Set<String> sections, Path chart, Report report) throws Exception {
        Path jar = Path.of(System.getProperty("orderly.backend.jar", "backend/target/orderly-backend.jar"))
            .toAbsolutePath();
        Path data = Files.createTempDirectory("orderly-bench");
        List<String[]> rows = report.rows();
        Map<String, Double> f = report.figures();
        try {
            progress("backend with an instant payment gateway");
            try (BackendProcess backend = BackendProcess.start(jar, data.resolve("instant"), "instant")) {
                instant(backend, data, smoke, sections, rows, f);
            }
            if (sections.contains("seed")) {
                progress("backend with the seed's 3-5 s payment gateway");
                // 500/s with 3-5 s payments needs ~2,000 orders waiting for the gateway at once: room for 3,000.
                try (BackendProcess backend = BackendProcess.start(jar, data.resolve("seed"), "seed",
                    "--orderly.processing.max-in-flight=" + SEED_IN_FLIGHT)) {
                    seed(backend, smoke, rows, f);
                }
            }
            if (sections.contains("scale")) {
                ScaleOut.run(jar, data, smoke, rows, f);
            }
            if (sections.equals(ALL)) {
                Chart.write(chart, "Orderly pipeline benchmark" + (smoke ? " (smoke)" : ""), panels(f));
            }
        } finally {
            BackendProcess.delete(data);
        }
    }

    private static void instant(BackendProcess backend, Path data, boolean smoke, Set<String> sections,
        List<String[]> rows, Map<String, Double> f) throws Exception {
        f.put("startup.s", backend.startSeconds());
        rows.add(row("start-up to ready (JVM + broker + H2 + Spring)", "%.1f s".formatted(backend.startSeconds()),
            "process start until /actuator/health answers UP"));
        Api api = new Api(backend.baseUrl());
        progress("raw limits: broker and database");
        RawLimits.Result raw = RawLimits.measure(backend.bootstrapServers(), smoke ? 5_000 : 50_000, 700);
        rows.add(row("raw produce, 700-byte records, acks=all, idempotent", rate(raw.producePerSecond()),
            raw.records() + " records on the same broker"));
        rows.add(row("raw consume of the same records", rate(raw.consumePerSecond()), ""));
        // Three short runs on fresh files, the best taken: a single run of a few seconds ran H2 before the JIT had
        // compiled it and moved between 1,100 and 2,000/s from run to run, which made the ratio swing.
        List<Double> dbRuns = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            dbRuns.add(RawLimits.databaseWrites(data.resolve("rawdb-" + run), smoke ? 500 : 3_000));
        }
        double dbLimit = Collections.max(dbRuns);
        rows.add(row("raw H2 rate of one order's writes (20 rows in 4 commits, WRITE_DELAY=0)", rate(dbLimit),
            "a separate H2 file on the same disk, one thread; best of 3 runs ("
                + dbRuns.stream().map(Bench::rate).collect(Collectors.joining(", ")) + ")"));
        double lowerLimit = Math.min(dbLimit, raw.producePerSecond());
        f.put("raw.produce", raw.producePerSecond());
        f.put("raw.consume", raw.consumePerSecond());
        f.put("raw.db", dbLimit);

        int seconds = smoke ? 1 : 5;
        if (!smoke && sections.contains("accept")) {
            // The JIT compiles the request path after some thousands of calls; those are not what users see.
            progress("warm-up: 3000 orders at 200 req/s, not measured");
            OpenLoop.run(api, api.createOrders(3_000, 8), 200);
            api.awaitDrained(300);
        }
        for (int perSecond : sections.contains("accept") ? new int[] {100, 500, 1000} : new int[0]) {
            progress("202 latency at " + perSecond + " req/s");
            List<Long> orders = api.createOrders(perSecond * seconds, 8);
            // Does processing keep up? Orders paid for and not yet processed, when the run starts and when its last
            // request was answered; then the time until none is left, and the backend's CPU over all of it.
            long waitingBefore = api.pendingPayment() - orders.size();
            double cpuBefore = backend.cpuSeconds();
            OpenLoop.Result accept = OpenLoop.run(api, orders, perSecond);
            long unfinished = api.pendingPayment();
            long drainStart = System.nanoTime();
            api.awaitDrained(300);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            double cpuMillis = cpuMillisPerOrder(cpuBefore, backend.cpuSeconds(), orders.size());
            rows.add(row("202 latency at " + perSecond + " req/s for " + seconds + " s (open loop)",
                "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms".formatted(accept.p50(), accept.p99(), accept.p999()),
                accept.errors() + " errors, " + accept.count() + " requests; paid and not yet processed: "
                    + waitingBefore + " at the start, " + unfinished + " after the last 202, none %.1f s later;"
                        .formatted(drainSeconds) + " backend CPU %.2f ms per order".formatted(cpuMillis)));
            f.put("accept." + perSecond + ".p50", accept.p50());
            f.put("accept." + perSecond + ".p99", accept.p99());
            f.put("accept." + perSecond + ".p999", accept.p999());
            f.put("accept." + perSecond + ".errors", (double) accept.errors());
            f.put("accept." + perSecond + ".unfinished", (double) unfinished);
            f.put("accept." + perSecond + ".cpu.ms", cpuMillis);
        }
        if (sections.contains("accept")) {
            acceptAlone(backend, api, seconds, rows, f);
        }

        if (sections.contains("e2e")) {
            endToEnd(backend, api, smoke, lowerLimit, rows, f);
        }
        if (sections.contains("explorer")) {
            progress("Kafka explorer on a topic of " + (smoke ? "20,000" : "1,000,000") + " records");
            Explorer.measure(backend.bootstrapServers(), api, smoke ? 20_000 : 1_000_000, rows, f);
        }
        if (sections.contains("sync")) {
            sideBySide(api, "gateway latency 0", smoke ? 100 : 2_000, 32, rows, f, "instant");
        }
    }

    private static void endToEnd(BackendProcess backend, Api api, boolean smoke, double lowerLimit,
        List<String[]> rows, Map<String, Double> f) throws Exception {
        int n = smoke ? 300 : 20_000;
        EndToEnd.warmUp(api, smoke);
        progress("end to end: " + n + " orders");
        EndToEnd.Result e2e = EndToEnd.run(List.of(api), n, 64, backend::cpuSeconds);
        f.put("e2e.instant", e2e.ordersPerSecond());
        f.put("e2e.instant.cpu.ms", e2e.cpuMillisPerOrder());
        rows.add(row("end to end, gateway latency 0: " + n + " orders", rate(e2e.ordersPerSecond()),
            ("%.1f s from the first submission until all reached their final state; %.0f%% of the lower raw limit;"
                + " backend CPU %.2f ms per order%s").formatted(e2e.seconds(),
                    100 * e2e.ordersPerSecond() / lowerLimit, e2e.cpuMillisPerOrder(), warmedUp(smoke))));
        long heap = backend.heapMiB(api);
        long live = api.liveDataBytes() >> 20;
        f.put("heap.mib", (double) heap);
        f.put("heap.live.mib", (double) live);
        rows.add(row("heap of the backend after " + n + " orders", heap + " MiB used, " + live
            + " MiB live after the last major GC", "-Xmx1g; used includes garbage not yet collected"));
    }

    /**
     * The accept path on its own, against the web stack's own floor: with this backend's consumers stopped (the
     * events wait on the broker, then are processed before the next section), four kinds of request at the same
     * open-loop rate, each after a warm-up round of its own: the authenticated status read (one row, JSON: the
     * floor), the anonymous health check a load balancer polls, the create, and the 202. Each is printed with its
     * backend CPU per request and p99 as a multiple of the floor's, measured minutes apart on the same backend.
     */
    private static void acceptAlone(BackendProcess backend, Api api, int seconds, List<String[]> rows,
        Map<String, Double> f) throws Exception {
        int perSecond = 500;
        int n = perSecond * seconds;
        progress("request cost at " + perSecond + " req/s with processing stopped: create, the floor, health, 202");
        api.consumers(false);
        Cost floor;
        Cost health;
        Cost create;
        Cost accept;
        try {
            // The orders created here are the ones read and then paid below, so every one ends processed. Each
            // kind of request runs a warm-up round of its own (the JIT), then the measured round.
            long[] warmUp = new long[n];
            long[] measured = new long[n];
            measure(backend, n, perSecond, 201,
                i -> api.createAsync().thenApply(r -> keep(warmUp, i, api.createdId(r), r)));
            create = measure(backend, n, perSecond, 201,
                i -> api.createAsync().thenApply(r -> keep(measured, i, api.createdId(r), r)));
            measure(backend, n, perSecond, 200, i -> api.statusAsync(warmUp[i]));
            floor = measure(backend, n, perSecond, 200, i -> api.statusAsync(measured[i]));
            measure(backend, n, perSecond, 200, i -> api.healthAsync());
            health = measure(backend, n, perSecond, 200, i -> api.healthAsync());
            OpenLoop.run(api, ids(warmUp), perSecond);
            double cpuBefore = backend.cpuSeconds();
            OpenLoop.Result result = OpenLoop.run(api, ids(measured), perSecond);
            accept = new Cost(result, cpuMillisPerOrder(cpuBefore, backend.cpuSeconds(), n));
        } finally {
            api.consumers(true);
        }
        api.awaitDrained(300);
        rows.add(costRow("the floor: GET /api/orders/{id}/status (Basic, one row, JSON)", floor, floor, perSecond));
        rows.add(costRow("GET /actuator/health, anonymous", health, floor, perSecond));
        rows.add(costRow("POST /api/orders (create)", create, floor, perSecond));
        rows.add(costRow("the 202: POST .../process-payment-shipment, processing stopped", accept, floor,
            perSecond));
        f.put("floor.cpu.ms", floor.cpuMillis());
        f.put("floor.p99", floor.latency().p99());
        f.put("health.cpu.ratio", health.cpuMillis() / floor.cpuMillis());
        f.put("create.cpu.ratio", create.cpuMillis() / floor.cpuMillis());
        f.put("accept.cpu.ratio", accept.cpuMillis() / floor.cpuMillis());
        f.put("accept.p99.ratio", accept.latency().p99() / floor.latency().p99());
        f.put("accept.alone.p99", accept.latency().p99());
        f.put("accept.alone.cpu.ms", accept.cpuMillis());
    }

    private static <T> T keep(long[] ids, int index, long id, T answer) {
        ids[index] = id;
        return answer;
    }

    private static List<Long> ids(long[] ids) {
        List<Long> list = new ArrayList<>();
        for (long id : ids) {
            if (id > 0) {
                list.add(id);
            }
        }
        return list;
    }

    /** One kind of request's latency and the backend's CPU per request. */
    private record Cost(OpenLoop.Result latency, double cpuMillis) {
    }

    /** {@code n} requests at {@code perSecond}, with the backend's CPU over them. */
    private static Cost measure(BackendProcess backend, int n, int perSecond, int expected,
        java.util.function.IntFunction<? extends java.util.concurrent.CompletableFuture<
            ? extends java.net.http.HttpResponse<?>>> send)
        throws Exception {
        double cpuBefore = backend.cpuSeconds();
        OpenLoop.Result latency = OpenLoop.run(n, perSecond, expected, send);
        return new Cost(latency, cpuMillisPerOrder(cpuBefore, backend.cpuSeconds(), n));
    }

    private static String[] costRow(String what, Cost cost, Cost floor, int perSecond) {
        OpenLoop.Result l = cost.latency();
        return row(what + ", " + perSecond + " req/s open loop", "CPU %.2f ms/request (%.1fx the floor); p99 %.1f ms"
            .formatted(cost.cpuMillis(), cost.cpuMillis() / floor.cpuMillis(), l.p99()) + " (%.1fx)"
            .formatted(l.p99() / floor.latency().p99()), "p50 %.1f ms, p99.9 %.1f ms; %d errors of %d"
            .formatted(l.p50(), l.p999(), l.errors(), l.count()));
    }

    /** Backend CPU milliseconds per order between two readings of {@link BackendProcess#cpuSeconds}; -1 if unknown. */
    static double cpuMillisPerOrder(double before, double after, int orders) {
        return before < 0 || after < 0 ? -1 : 1000 * (after - before) / orders;
    }

    private static void seed(BackendProcess backend, boolean smoke, List<String[]> rows, Map<String, Double> f)
        throws Exception {
        Api api = new Api(backend.baseUrl());
        int n = smoke ? 60 : 12_000;
        EndToEnd.warmUp(api, smoke);
        progress("end to end with 3-5 s payments: " + n + " orders");
        EndToEnd.Result e2e = EndToEnd.run(List.of(api), n, 64, backend::cpuSeconds);
        long heap = backend.heapMiB(api);
        f.put("e2e.seed", e2e.ordersPerSecond());
        f.put("e2e.seed.steady", e2e.steadyPerSecond());
        f.put("e2e.seed.heap.mib", (double) heap);
        rows.add(row("end to end, seed gateway 3-5 s, 3 partitions, at most " + SEED_IN_FLIGHT + " in flight: " + n
            + " orders", "%s held, %s overall".formatted(rate(e2e.steadyPerSecond()), rate(e2e.ordersPerSecond())),
            ("held = between 10%% and 90%% of the orders finished; %.1f s until all reached their final state; heap"
                + " %d MiB used after (-Xmx1g); backend CPU %.2f ms per order; the seed's design: ~0.5/s%s")
                .formatted(e2e.seconds(), heap, e2e.cpuMillisPerOrder(), warmedUp(smoke))));
        sideBySide(api, "seed gateway 3-5 s", smoke ? 40 : 1_000, 200, rows, f, "seed");
    }

    /** The same orders through both modes, by the same closed-loop clients. */
    private static void sideBySide(Api api, String gateway, int n, int clients, List<String[]> rows,
        Map<String, Double> f, String key) throws Exception {
        progress("side by side, " + gateway + ": Kafka mode");
        ClosedLoop.Result kafka = ClosedLoop.run(api, api.createOrders(n, 8), clients, 202);
        api.awaitDrained(600);
        progress("side by side, " + gateway + ": synchronous mode (the seed's before)");
        api.mode(ProcessingMode.SYNCHRONOUS);
        ClosedLoop.Result sync;
        try {
            sync = ClosedLoop.run(api, api.createOrders(n, 8), clients, 200);
        } finally {
            api.mode(ProcessingMode.KAFKA);
        }
        f.put("sync." + key + ".p50", sync.p50());
        f.put("sync." + key + ".p99", sync.p99());
        f.put("sync." + key + ".rate", sync.perSecond());
        f.put("kafka." + key + ".p50", kafka.p50());
        f.put("kafka." + key + ".p99", kafka.p99());
        f.put("sync." + key + ".errors", (double) sync.errors());
        f.put("kafka." + key + ".errors", (double) kafka.errors());
        String setting = gateway + ", " + clients + " clients, " + n + " orders";
        rows.add(row("synchronous mode (seed's before), " + setting, "p50 %.1f ms, p99 %.1f ms, %s"
            .formatted(sync.p50(), sync.p99(), rate(sync.perSecond())), sync.errors() + " errors; the answer"
            + " comes when the order is done"));
        rows.add(row("Kafka mode, " + setting, "202 p50 %.1f ms, p99 %.1f ms".formatted(kafka.p50(), kafka.p99()),
            kafka.errors() + " errors; accepted at %s".formatted(rate(kafka.perSecond()))));
        double e2e = f.getOrDefault("e2e." + key, kafka.perSecond());
        rows.add(row("ratio, " + gateway, "answer %.0fx sooner (p50), %.1fx the throughput".formatted(
            sync.p50() / kafka.p50(), e2e / sync.perSecond()), "Kafka end to end vs synchronous orders/s"));
    }

    private static List<Chart.Panel> panels(Map<String, Double> f) {
        List<Chart.Bar> throughput = new ArrayList<>();
        throughput.add(bar("raw H2, one order's writes (limit)", f.get("raw.db"), "/s", false));
        throughput.add(bar("Kafka mode end to end, gateway 0", f.get("e2e.instant"), "/s", true));
        throughput.add(bar("synchronous (seed's before), gateway 0", f.get("sync.instant.rate"), "/s", false));
        throughput.add(bar("Kafka mode end to end, gateway 3-5 s", f.get("e2e.seed"), "/s", true));
        throughput.add(bar("synchronous (seed's before), gateway 3-5 s", f.get("sync.seed.rate"), "/s", false));
        throughput.add(bar("gateway 3-5 s on PostgreSQL, 1 backend (held rate)", f.get("scale.1.steady"), "/s", true));
        throughput.add(bar("gateway 3-5 s on PostgreSQL, 2 backends (held rate)", f.get("scale.2.steady"), "/s",
            true));
        throughput.add(bar("seed's claim after Kafka (500/min)", 500 / 60.0, "/s", false));
        List<Chart.Bar> latency = new ArrayList<>();
        for (int rate : new int[] {100, 500, 1000}) {
            latency.add(bar("Kafka 202 p99, " + rate + " req/s open loop", f.get("accept." + rate + ".p99"), " ms",
                true));
        }
        latency.add(bar("Kafka 202 p99, gateway 3-5 s, 200 clients", f.get("kafka.seed.p99"), " ms", true));
        latency.add(bar("synchronous p99, gateway 0, 32 clients", f.get("sync.instant.p99"), " ms", false));
        latency.add(bar("synchronous p99, gateway 3-5 s, 200 clients", f.get("sync.seed.p99"), " ms", false));
        latency.add(bar("seed's claim after Kafka (200-500 ms)", 500.0, " ms", false));
        return List.of(new Chart.Panel("Orders per second (higher is better)", throughput, false),
            new Chart.Panel("Time until the caller gets its answer, p99 (lower is better)", latency, true));
    }

    private static Chart.Bar bar(String label, Double value, String unit, boolean orderly) {
        double v = value == null ? 0 : value;
        return new Chart.Bar(label, v, (v >= 100 ? "%,.0f" : "%,.1f").formatted(v) + unit, orderly);
    }

    /** A step on stderr, with the time of day (UTC): lines up with a profile of the backend (JFR times). */
    /** What the end-to-end notes say about the warm-up before them. */
    static String warmedUp(boolean smoke) {
        return smoke ? "" : "; after " + EndToEnd.WARM_UP + " orders of warm-up, not measured";
    }

    static void progress(String step) {
        System.err.println("[bench " + DateTimeFormatter.ofPattern("HH:mm:ss").format(LocalTime.now(ZoneOffset.UTC))
            + "] " + step + " ...");
    }

    static String[] row(String what, String value, String note) {
        return new String[] {what, value, note};
    }

    static String rate(double perSecond) {
        return "%,.1f/s".formatted(perSecond);
    }

    private static void print(List<String[]> rows) {
        System.out.println();
        System.out.println("| measure | value | note |");
        System.out.println("|---|---|---|");
        for (String[] row : rows) {
            System.out.println("| " + row[0] + " | " + row[1] + " | " + row[2] + " |");
        }
    }
}
