package dev.orderly.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The bench's smoke run, as CI runs it: every section against the real backend jar (two backends, one with the
 * seed's 3-5 s gateway), every figure produced, no request failed, and the chart written. Speed is not judged
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
            "accept.100.p99", "accept.500.p99", "accept.1000.p99", "e2e.instant", "heap.mib", "sync.instant.rate",
            "e2e.seed", "sync.seed.rate", "kafka.seed.p99");
        assertThat(report.figures()).allSatisfy((name, value) -> assertThat(value).as(name).isNotNegative());
        assertThat(report.figures().get("e2e.seed")).isPositive();
        assertThat(report.figures().entrySet().stream().filter(e -> e.getKey().endsWith("errors")))
            .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isZero());
        // The synchronous answer comes only after a 3-5 s payment.
        assertThat(report.figures().get("sync.seed.p50")).isGreaterThanOrEqualTo(3_000);
        assertThat(report.rows()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(ImageIO.read(chart.toFile()).getWidth()).isEqualTo(1400);
    }
}
