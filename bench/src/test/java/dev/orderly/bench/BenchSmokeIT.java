package dev.orderly.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The bench's smoke run, as CI runs it: every section against the real backend jar (one with an instant gateway,
 * one with the seed's 3-5 s gateway, then on a real PostgreSQL server one and two backends in one group), every
 * figure produced, no request failed, and the chart written. Speed is not judged
 * here; the figures go to BENCHMARKS.md from full runs.
 */
class BenchSmokeIT {

    @Test
    void theSmokeRunProducesEveryFigureWithoutErrors() throws Exception {
        Path chart = Path.of("target", "benchmark-smoke.png").toAbsolutePath();
        Files.deleteIfExists(chart);
        Bench.Report report = new Bench.Report(new ArrayList<>(), new LinkedHashMap<>());

        Bench.run(true, Bench.ALL, chart, report);

        assertThat(report.figures()).containsKeys("startup.s", "raw.produce", "raw.consume", "raw.db",
            "accept.100.p99", "accept.500.p99", "accept.1000.p99", "e2e.instant", "explorer.newest.ms",
            "explorer.filter.ms", "heap.mib", "sync.instant.rate",
            "e2e.seed", "sync.seed.rate", "kafka.seed.p99", "raw.pg", "e2e.instant.pg", "scale.1.steady",
            "scale.2.steady", "scale.1.all", "scale.2.all");
        assertThat(report.figures()).allSatisfy((name, value) -> assertThat(value).as(name).isNotNegative());
        assertThat(report.figures().get("e2e.seed")).isPositive();
        // PostgreSQL, and one then two backends in one group: each run finished every order.
        assertThat(report.figures().get("raw.pg")).isPositive();
        assertThat(report.figures().get("scale.1.all")).isPositive();
        assertThat(report.figures().get("scale.2.all")).isPositive();
        assertThat(report.figures().entrySet().stream().filter(e -> e.getKey().endsWith("errors")))
            .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isZero());
        // The synchronous answer comes only after a 3-5 s payment.
        assertThat(report.figures().get("sync.seed.p50")).isGreaterThanOrEqualTo(3_000);
        assertThat(report.rows()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(ImageIO.read(chart.toFile()).getWidth()).isEqualTo(1400);
    }
}
