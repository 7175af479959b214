package dev.loopbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbench.benchmarks.LatencyLog;
import dev.loopbench.jmh.JmhResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A cell's latencies")
class CellLatenciesTest {

    private static final Map<String, String> PARAMS =
            Map.of("handler", "timer", "concurrency", "10", "delayMs", "100", "eventLoops", "2", "target", "");

    @Test
    @DisplayName("are the percentiles of every interval of its log merged, not an average of the forks' percentiles")
    void mergedAcrossForks(@TempDir Path results) throws Exception {
        Path log = results.resolve("latency").resolve(LatencyLog.fileName(PARAMS));
        Files.createDirectories(log.getParent());
        try (PrintStream file = new PrintStream(Files.newOutputStream(log))) {
            HistogramLogWriter writer = new HistogramLogWriter(file);
            writer.outputLogFormatVersion();
            // fork 1: 990 requests at 1 ms, fork 2: 10 requests at 1000 ms; bystanders at 5 ms
            writer.outputIntervalHistogram(histogram(990, 1_000_000L, null));
            writer.outputIntervalHistogram(histogram(20, 5_000_000L, LatencyLog.BYSTANDER_TAG));
            writer.outputIntervalHistogram(histogram(10, 1_000_000_000L, null));
        }
        JmhResult cell = result(2, 505); // JMH's average of the forks' p99s would be (1 + 1000) / 2
        CellLatencies.Cell latency = CellLatencies.in(results).of(cell);
        String context = latency.toString();
        assertEquals(CellLatencies.Source.LOG, latency.source(), context);
        CellLatencies.Percentiles requests = latency.requests().orElseThrow();
        assertEquals(1000, requests.count(), context);
        assertEquals(1.0, requests.p50(), 0.01, context);
        assertEquals(1.0, requests.p99(), 0.01, "99% of 1000 requests took 1 ms: " + context);
        assertEquals(1000, requests.p999(), 1, context);
        assertEquals(1000, requests.max(), 1, context);
        assertEquals(5.0, latency.bystanders().orElseThrow().p99(), 0.01, context);
        assertEquals(100, CellLatencies.in(results).waves(cell), "1000 requests of N = 10: " + context);
    }

    @Test
    @DisplayName("without a log are the benchmark's own for one fork, and none for several")
    void withoutLog(@TempDir Path results) {
        CellLatencies latencies = CellLatencies.in(results);
        CellLatencies.Cell one = latencies.of(result(1, 7));
        assertEquals(CellLatencies.Source.ONE_TRIAL, one.source(), one.toString());
        assertEquals(7, one.requests().orElseThrow().p99(), 1e-9, one.toString());
        CellLatencies.Cell two = latencies.of(result(2, 7));
        assertEquals(CellLatencies.Source.NONE, two.source(), "an average of two forks' p99 is no p99: " + two);
        assertEquals(40, latencies.waves(result(2, 7)), "from the request counter, 400 / N = 10");
    }

    private static Histogram histogram(int count, long nanos, String tag) {
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(nanos, count);
        histogram.setStartTimeStamp(1);
        histogram.setEndTimeStamp(2);
        histogram.setTag(tag);
        return histogram;
    }

    private static JmhResult result(int forks, double p99) {
        JmhResult.Metric score = new JmhResult.Metric(100, 1, 99, 101, "ms/op", List.of(List.of(100.0)));
        JmhResult.Metric latency = new JmhResult.Metric(p99, 0, p99, p99, "ms", List.of(List.of(p99)));
        JmhResult.Metric requests = new JmhResult.Metric(400, 0, 400, 400, "#", List.of(List.of(400.0)));
        return new JmhResult(
                "dev.loopbench.benchmarks.ConcurrentRequestsBenchmark.wave",
                "avgt",
                1,
                forks,
                PARAMS,
                score,
                Map.of(
                        "latencyP50", latency,
                        "latencyP90", latency,
                        "latencyP99", latency,
                        "latencyP999", latency,
                        "latencyMax", latency,
                        "requests", requests),
                null);
    }
}
