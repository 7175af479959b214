package dev.loopbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.jmh.Fixtures;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import dev.loopbench.report.Summary;
import dev.loopbench.report.WaveLines;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * P has one definition: the profiler's {@code effectiveParallelism}, computed from the measured
 * iterations' scores as {@link WaveProfiler} receives them, is the summary's P of the same cell.
 */
@DisplayName("The effective parallelism")
class EffectiveParallelismTest {

    @Test
    @DisplayName("of the profiler is the summary's and the exports' P, to the last bit, for every cell of a real run")
    void profilerAgreesWithTheSummary() throws Exception {
        List<JmhResult> results = JmhResults.read(Fixtures.path("loopbench-default-run.json"));
        List<String[]> rows = Summary.rows(results);
        int pColumn = Arrays.asList(rows.get(0)).indexOf("P lanes");
        int checked = 0;
        for (JmhResult cell : results) {
            assertEquals(1, cell.forks(), "the fixture's cells have one fork: " + cell.label());
            int concurrency = Integer.parseInt(cell.param("concurrency"));
            int delayMs = Integer.parseInt(cell.param("delayMs"));
            List<Double> scores = cell.primary().rawData().get(0);
            double profiler = profilerParallelism(
                    concurrency, delayMs, scores, cell.primary().unit());
            double summary = WaveLines.parallelism(cell, cell.primary().score());
            String context = cell.label() + ": N=" + concurrency + " D=" + delayMs + " iteration scores " + scores
                    + " " + cell.primary().unit() + ", JMH's score "
                    + cell.primary().score() + ", profiler P "
                    + profiler + ", summary P " + summary;
            assertEquals(summary, profiler, 0.0, context);
            String[] row = rows.stream()
                    .filter(r -> r[0].equals(cell.param("handler")) && r[1].equals(cell.param("concurrency")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(String.format(Locale.ROOT, "%.1f", profiler), row[pColumn], context);
            checked++;
        }
        assertTrue(checked > 0, "no cells in the fixture");
    }

    @Test
    @DisplayName("is not reported for the zero-delay control, whose P the summary leaves blank too")
    void noneForTheControl() {
        double profiler = profilerParallelism(1000, 0, List.of(20.1, 20.3), "ms/op");
        assertTrue(Double.isNaN(profiler), "N=1000 D=0 scores [20.1, 20.3] ms/op gave P=" + profiler);
    }

    @Test
    @DisplayName("reads an iteration's score in any time unit per operation, and none of a throughput")
    void scoresInMillis() {
        assertEquals(140.5, WaveProfiler.millisPerWave(140.5, "ms/op"), 0.0, "140.5 ms/op");
        assertEquals(140.5, WaveProfiler.millisPerWave(140_500, "us/op"), 1e-9, "140500 us/op");
        assertEquals(140.5, WaveProfiler.millisPerWave(0.1405, "s/op"), 1e-9, "0.1405 s/op");
        assertFalse(Double.isFinite(WaveProfiler.millisPerWave(7.1, "ops/s")), "7.1 ops/s");
    }

    private static double profilerParallelism(int concurrency, int delayMs, List<Double> scores, String unit) {
        TrialLatency trial = new TrialLatency();
        for (double score : scores) {
            trial.add(new Histogram(3), new Histogram(3), WaveProfiler.millisPerWave(score, unit));
        }
        return WaveProfiler.effectiveParallelism(concurrency, delayMs, trial);
    }
}
