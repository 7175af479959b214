package dev.loopbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.TimeValue;

/** Percentiles of a cell come from one histogram of all its measured requests, written as an HdrHistogram log. */
@DisplayName("A cell's latency percentiles")
class TrialPercentilesIT {

    @Test
    @DisplayName("come once per trial from every measured request, ordered p50 <= p90 <= p99 <= p99.9 <= max,"
            + " and the .hlog holds exactly those requests")
    void onePerTrialAndLogged(@TempDir Path latency) throws Exception {
        Path output = Files.createTempFile("jmh-percentiles", ".txt");
        Collection<RunResult> results = new Runner(JmhRuns.smoke(output)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(3)
                        .measurementTime(TimeValue.milliseconds(500))
                        .param("handler", "timer")
                        .param("concurrency", "16")
                        .param("delayMs", "20")
                        .param("eventLoops", "1")
                        .jvmArgsPrepend("-D" + ForkSettings.LATENCY_DIRECTORY_PROPERTY + "=" + latency)
                        .build())
                .run();
        String context = "JMH output in " + output + ", latency logs in " + latency;
        assertEquals(1, results.size(), context);
        Map<String, Result> secondary =
                results.iterator().next().getAggregatedResult().getSecondaryResults();
        List<Double> ordered = List.of(
                secondary.get("latencyP50").getScore(),
                secondary.get("latencyP90").getScore(),
                secondary.get("latencyP99").getScore(),
                secondary.get("latencyP999").getScore(),
                secondary.get("latencyMax").getScore());
        for (int i = 1; i < ordered.size(); i++) {
            assertTrue(ordered.get(i - 1) <= ordered.get(i), "p50, p90, p99, p99.9, max: " + ordered + "; " + context);
        }

        Path log = latency.resolve("timer-N16-D20-E1.hlog");
        Histogram all = new Histogram(3);
        int intervals = 0;
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
            for (var interval = reader.nextIntervalHistogram();
                    interval != null;
                    interval = reader.nextIntervalHistogram()) {
                if (interval.getTag() == null) { // the bystanders' intervals are tagged
                    all.add((Histogram) interval);
                    intervals++;
                }
            }
        }
        assertEquals(3, intervals, "one interval per measurement iteration, none for warm-up; " + context);
        assertEquals(
                secondary.get("requests").getScore(),
                (double) all.getTotalCount(),
                "the log holds every measured request and no other; " + context);
        // JMH averages a result missing from some iterations with zeros: these must be the log's own figures
        assertEquals(
                all.getValueAtPercentile(50) / 1e6,
                secondary.get("latencyP50").getScore(),
                all.getValueAtPercentile(50) / 1e6 / 500,
                "the reported p50 is the p50 of all measured requests; " + context);
        assertEquals(
                all.getValueAtPercentile(99) / 1e6,
                secondary.get("latencyP99").getScore(),
                all.getValueAtPercentile(99) / 1e6 / 500,
                "the reported p99 is the p99 of all measured requests; " + context);
        assertEquals(
                all.getMaxValue() / 1e6,
                secondary.get("latencyMax").getScore(),
                all.getMaxValue() / 1e6 / 500,
                "the reported max is the log's max; " + context);
        double score = results.iterator().next().getPrimaryResult().getScore();
        double parallelism = secondary.get("effectiveParallelism").getScore();
        // one fork: the profiler's P and the summary's N x D / score are one figure, not divided by the
        // iteration count as JMH's zero-filling once made it
        assertEquals(16 * 20 / score, parallelism, 1e-9 * parallelism, "P = N x D / score over the trial; " + context);
    }
}
