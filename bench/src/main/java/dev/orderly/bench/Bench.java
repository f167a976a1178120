package dev.orderly.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command, every figure: starts the backend jar in its own JVM (embedded broker, H2 file, payment simulator
 * without latency), measures the raw limits of the same broker, then the pipeline against them.
 * Usage: {@code Bench [--smoke]}; prints a Markdown table.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Locale.setDefault(Locale.ROOT);
        Path jar = Path.of("backend", "target", "orderly-backend.jar").toAbsolutePath();
        Path data = Files.createTempDirectory("orderly-bench");
        List<String[]> rows = new ArrayList<>();
        int exit = 0;
        try (BackendProcess backend = BackendProcess.start(jar, data, "instant")) {
            rows.add(row("start-up to ready (JVM + broker + H2 + Spring)", "%.1f s".formatted(backend.startSeconds()),
                "process start until /actuator/health answers UP"));
            Api api = new Api(backend.baseUrl());
            RawLimits.Result raw = RawLimits.measure(backend.bootstrapServers(), smoke ? 5_000 : 50_000, 700);
            rows.add(row("raw produce, 700-byte records, acks=all, idempotent", rate(raw.producePerSecond()),
                raw.records() + " records on the same broker"));
            rows.add(row("raw consume of the same records", rate(raw.consumePerSecond()), ""));
            double dbLimit = RawLimits.databaseWrites(data.resolve("rawdb"), smoke ? 500 : 3_000);
            rows.add(row("raw H2 rate of one order's writes (20 rows in 4 commits, WRITE_DELAY=0)", rate(dbLimit),
                "a separate H2 file on the same disk, one thread"));

            int seconds = smoke ? 1 : 5;
            for (int perSecond : new int[] {100, 500, 1000}) {
                List<Long> orders = api.createOrders(perSecond * seconds, 8);
                OpenLoop.Result accept = OpenLoop.run(api, orders, perSecond);
                rows.add(row("202 latency at " + perSecond + " req/s for " + seconds + " s (open loop)",
                    "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms".formatted(accept.p50(), accept.p99(), accept.p999()),
                    accept.errors() + " errors, " + accept.count() + " requests"));
                api.awaitDrained(120);
            }

            int n = smoke ? 300 : 5_000;
            EndToEnd.Result e2e = EndToEnd.run(api, n, 32);
            rows.add(row("end to end, gateway latency 0: " + n + " orders", rate(e2e.ordersPerSecond()),
                "%.1f s from the first submission until all reached their final state; %.0f%% of the lower raw"
                    .formatted(e2e.seconds(), 100 * e2e.ordersPerSecond() / Math.min(dbLimit,
                        raw.producePerSecond())) + " limit"));
            rows.add(row("heap used by the backend after the run", backend.heapMiB(api) + " MiB", "-Xmx1g"));
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            BackendProcess.delete(data);
        }
        print(rows);
        System.exit(exit);
    }

    private static String[] row(String what, String value, String note) {
        return new String[] {what, value, note};
    }

    private static String rate(double perSecond) {
        return "%,.0f/s".formatted(perSecond);
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
