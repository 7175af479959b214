package dev.loopbench.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaveModel;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The benchmark matrices")
class MatrixTest {

    @Test
    @DisplayName("cover every handler, the non-blocking ones up to N = 1000")
    void coverEveryHandler() {
        for (Matrix matrix : new Matrix[] {Matrix.standard(), Matrix.quick()}) {
            Set<String> handlers = new HashSet<>();
            matrix.families().forEach(family -> handlers.addAll(family.handlers()));
            assertEquals(
                    Arrays.stream(HandlerStyle.values()).map(HandlerStyle::path).collect(Collectors.toSet()),
                    handlers,
                    matrix.toString());
            Family nonBlocking = matrix.families().stream()
                    .filter(f -> f.handlers().contains("timer"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(nonBlocking.concurrency().contains(1000), matrix.toString());
            assertTrue(nonBlocking.handlers().contains("virtual-thread-await"), matrix.toString());
        }
    }

    @Test
    @DisplayName("fit their time budgets by the model's estimate: 12 minutes, and 150 s with --quick, build included")
    void fitTheirBudgets() {
        Matrix standard =
                Matrix.standard().withControl(Matrix.STANDARD_CONTROL).withEnoughWaves(MatrixTest::waveMillis);
        Matrix quick = Matrix.quick()
                .withControl(Matrix.QUICK_CONTROL)
                .withEnoughWaves(MatrixTest::waveMillis, JmhSettings.QUICK_MIN_WAVES);
        // margins for the build (some 25 s from a fresh clone), JMH's own JVMs, the report and what the estimate leaves
        // out
        assertTrue(
                estimateMinutes(standard) <= 10.5, "standard with its control: " + estimateMinutes(standard) + " min");
        assertTrue(estimateMinutes(quick) * 60 <= 120, "quick with its control: " + estimateMinutes(quick) * 60 + " s");
    }

    @Test
    @DisplayName(
            "add the zero-delay control, timer at ms=0, at every concurrency level and event-loop count of the run")
    void controlAtEveryLevel() {
        Matrix matrix = new Matrix(List.of(
                        new Family(
                                "a",
                                List.of("event-loop-sleep"),
                                List.of(1, 4),
                                List.of(100),
                                List.of(2),
                                Matrix.QUICK),
                        new Family("b", List.of("timer"), List.of(4, 1000), List.of(50), List.of(1, 2), Matrix.QUICK)))
                .withControl(Matrix.QUICK_CONTROL);
        Family control = matrix.families().get(matrix.families().size() - 1);
        assertEquals(Matrix.CONTROL, control.name(), matrix.toString());
        assertEquals(List.of("timer"), control.handlers(), matrix.toString());
        assertEquals(List.of(0), control.delays(), matrix.toString());
        assertEquals(List.of(1, 4, 1000), control.concurrency(), matrix.toString());
        assertEquals(List.of(1, 2), control.eventLoops(), matrix.toString());
        assertEquals(matrix, matrix.withControl(Matrix.QUICK_CONTROL), "adding it twice changes nothing");
    }

    @Test
    @DisplayName("leave out of the control the levels where the run already measures timer at ms=0")
    void noControlTwice() {
        Matrix matrix = new Matrix(List.of(new Family(
                        "mine", List.of("timer"), List.of(8, 16), List.of(0, 100), List.of(2), Matrix.QUICK)))
                .withControl(Matrix.QUICK_CONTROL);
        assertEquals(1, matrix.families().size(), "nothing left to control: " + matrix);
    }

    @Test
    @DisplayName("estimate an iteration as whole waves: a 3.2 s wave makes a 2 s iteration last 3.2 s")
    void iterationsLastWholeWaves() {
        JmhSettings settings = new JmhSettings(1, 2000, 1, 2000, 1);
        assertEquals(JmhSettings.FORK_START_SECONDS + 3.2 * 3, settings.estimateSeconds(3200), 1e-9);
        assertEquals(JmhSettings.FORK_START_SECONDS + 0.1 + 2 * 2, settings.estimateSeconds(100), 1e-9);
    }

    @Test
    @DisplayName("give every cell of both runs at least ten measured waves, by the model's wave time")
    void enoughWaves() {
        for (Matrix original : new Matrix[] {
            Matrix.standard().withControl(Matrix.STANDARD_CONTROL),
            Matrix.quick().withControl(Matrix.QUICK_CONTROL)
        }) {
            int minWaves =
                    original.cells() < Matrix.standard().cells() ? JmhSettings.QUICK_MIN_WAVES : JmhSettings.MIN_WAVES;
            Matrix matrix = original.withEnoughWaves(MatrixTest::waveMillis, minWaves);
            assertEquals(original.cells(), matrix.cells(), "no cell lost or doubled by the split: " + matrix);
            for (Family family : matrix.families()) {
                for (Cell cell : family.cellList()) {
                    double wave = waveMillis(cell) / 1000;
                    if (wave == 0) {
                        continue; // the control: some µs a wave, thousands an iteration
                    }
                    JmhSettings settings = family.settings();
                    long waves = settings.measurementIterations()
                            * JmhSettings.wavesPerIteration(settings.measurementMillis(), wave);
                    assertTrue(
                            waves >= minWaves,
                            cell.describe() + ": " + waves + " waves with " + settings + ", wave " + wave + " s");
                }
            }
        }
    }

    @Test
    @DisplayName(
            "give a wave of more than half an iteration one-wave iterations and one warm-up, a 100 ms wave 1 s iterations")
    void settingsFromTheWave() {
        JmhSettings two = new JmhSettings(2, 2000, 5, 2000, 1);
        int one = JmhSettings.ONE_WAVE_MILLIS;
        assertEquals(new JmhSettings(0, 2000, 10, one, 1), two.forWave(3200), "N = 64 on two lanes: no warm-up wave");
        assertEquals(new JmhSettings(2, 2000, 10, one, 1), two.forWave(1001), "more than half an iteration");
        assertEquals(new JmhSettings(2, 2000, 5, 2000, 1), two.forWave(1000), "half: two waves an iteration");
        assertEquals(
                new JmhSettings(2, 2000, 5, 2000, 1), two.forWave(800), "N = 16 on two lanes: 3 waves an iteration");
        assertEquals(new JmhSettings(2, 2000, 5, 1000, 1), two.forWave(100), "10 waves in 1 s");
        assertEquals(new JmhSettings(2, 2000, 5, 2000, 1), two.forWave(101), "not 10 waves in 1 s");
        assertEquals(two, two.forWave(Double.NaN), "no model: as they are");
        JmhSettings quick = new JmhSettings(1, 500, 6, 200, 1);
        assertEquals(new JmhSettings(0, 500, 6, one, 1), quick.forWave(800, 6), "one wave each, however long it takes");
        assertEquals(quick, quick.forWave(100, 6), "2 waves in 200 ms");
    }

    @Test
    @DisplayName("give a cell its share of its family's warm-up by its N, sized for N = 1000, at least one iteration")
    void warmUpByConcurrency() {
        JmhSettings nonBlocking = new JmhSettings(10, 2000, 5, 2000, 1);
        assertEquals(10, nonBlocking.forCell(100, 1000, 10).warmupIterations(), "N = 1000");
        assertEquals(3, nonBlocking.forCell(100, 256, 10).warmupIterations(), "N = 256");
        assertEquals(1, nonBlocking.forCell(100, 16, 10).warmupIterations(), "N = 16");
        assertEquals(0, nonBlocking.withWarmupIterations(0).forCell(100, 16, 10).warmupIterations(), "-wi 0");
    }

    @Test
    @DisplayName("split a family whose cells need different settings into JMH runs that hold every cell once")
    void splitFamilies() {
        Matrix matrix = new Matrix(List.of(new Family(
                "blocking",
                List.of("event-loop-sleep", "execute-blocking-unordered"),
                List.of(1, 64),
                List.of(100),
                List.of(2),
                new JmhSettings(2, 2000, 5, 2000, 1))));
        Matrix planned = planned(matrix);
        Set<Cell> cells = new HashSet<>();
        planned.families().forEach(family -> cells.addAll(family.cellList()));
        assertEquals(new HashSet<>(matrix.families().get(0).cellList()), cells, planned.toString());
        assertEquals(matrix.cells(), planned.cells(), planned.toString());
        Family slow = planned.families().stream()
                .filter(family -> family.concurrency().equals(List.of(64))
                        && family.handlers().equals(List.of("event-loop-sleep")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(planned.toString()));
        assertEquals(10, slow.settings().measurementIterations(), planned.toString());
    }

    private static Matrix planned(Matrix matrix) {
        return matrix.withEnoughWaves(MatrixTest::waveMillis);
    }

    private static double waveMillis(Cell cell) {
        return WaveModel.predictedMillis(
                cell.handler(),
                cell.concurrency(),
                cell.delayMs(),
                Optional.of(ServerShape.withDefaultPools(cell.eventLoops())));
    }

    private static double estimateMinutes(Matrix matrix) {
        double seconds = 0;
        for (Family family : matrix.families()) {
            for (Cell cell : family.cellList()) {
                Optional<ServerShape> shape = Optional.of(ServerShape.withDefaultPools(cell.eventLoops()));
                seconds += family.settings()
                        .estimateSeconds(
                                WaveModel.predictedMillis(cell.handler(), cell.concurrency(), cell.delayMs(), shape));
            }
        }
        return seconds / 60;
    }
}
