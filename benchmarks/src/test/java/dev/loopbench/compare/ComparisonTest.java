package dev.loopbench.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.jmh.JmhResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The comparison of two runs")
class ComparisonTest {

    private static final Comparison.Thresholds THRESHOLDS = new Comparison.Thresholds(10, 5, 0.01);

    @Test
    @DisplayName("adjusts the cells' p-values by Holm-Bonferroni, never below the one before, at most 1")
    void holm() {
        double[] raw = {0.01, 0.04, 0.03, 0.005, Double.NaN};
        List<CellComparison> cells = new ArrayList<>();
        for (double p : raw) {
            cells.add(new CellComparison(
                    null,
                    null,
                    "p=" + p,
                    20,
                    20,
                    0,
                    0,
                    p,
                    Double.isNaN(p) ? Verdict.TOO_FEW_SAMPLES : Verdict.NOISE,
                    false,
                    p,
                    true));
        }
        List<CellComparison> adjusted = Comparison.adjusted(cells, THRESHOLDS);
        double[] got = adjusted.stream().mapToDouble(CellComparison::pValue).toArray();
        // sorted: 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> 0.06
        assertArrayEquals(
                new double[] {0.03, 0.06, 0.06, 0.02, Double.NaN},
                got,
                1e-12,
                "raw " + java.util.Arrays.toString(raw) + ", adjusted " + java.util.Arrays.toString(got));
        assertTrue(
                adjusted.stream().noneMatch(CellComparison::regression),
                "none below 0.01 once adjusted, though 0.005 was raw: " + adjusted);
    }

    @Test
    @DisplayName("tests the forks' means where both runs have two forks or more, and says so when one has only one")
    void forksAreTheSamples() {
        JmhResult base = result(List.of(List.of(100.0, 101.0, 99.0), List.of(103.0, 104.0, 102.0)));
        JmhResult candidate = result(List.of(List.of(110.0, 111.0, 109.0), List.of(113.0, 114.0, 112.0)));
        CellComparison forks = Comparison.measure(base, candidate, "cell", THRESHOLDS);
        assertTrue(forks.independent(), forks.toString());
        assertArrayEquals(new double[] {100, 103}, Comparison.samples(base, true), 1e-12, base.toString());
        assertEquals(2, forks.baseSamples(), forks.toString());

        JmhResult oneFork = result(List.of(List.of(100.0, 101.0, 99.0, 103.0, 104.0, 102.0)));
        Comparison comparison = Comparison.of(List.of(oneFork), List.of(candidate), THRESHOLDS);
        CellComparison cell = comparison.cells().get(0);
        assertFalse(cell.independent(), cell.toString());
        assertEquals(6, cell.baseSamples(), cell.toString());
        assertTrue(
                comparison.warnings().stream().anyMatch(w -> w.contains("one fork") && w.contains("autocorrelated")),
                comparison.warnings().toString());
    }

    private static JmhResult result(List<List<Double>> forks) {
        double sum = 0;
        int n = 0;
        for (List<Double> fork : forks) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        return new JmhResult(
                "dev.loopbench.benchmarks.ConcurrentRequestsBenchmark.wave",
                "avgt",
                1,
                forks.size(),
                Map.of("handler", "timer", "concurrency", "1"),
                new JmhResult.Metric(sum / n, Double.NaN, Double.NaN, Double.NaN, "ms/op", forks),
                Map.of(),
                new JmhResult.RunSettings("25", "vm", "1", List.of(), 1, "1 s", 3, "1 s"));
    }
}
