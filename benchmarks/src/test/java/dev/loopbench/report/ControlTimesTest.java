package dev.loopbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The zero-delay control")
class ControlTimesTest {

    /** timer at N = 1000: T0 = 30 ms, measured 124 ms against D = 100 ms. */
    private static final List<JmhResult> RUN = List.of(
            cell("timer", 1000, 100, 124, 100, 0),
            cell("timer", 1000, 0, 30, 0, 0),
            cell("timer", 1, 0, 1.2, 0, 0),
            cell("event-loop-sleep", 4, 100, 206, 200, 0),
            cell("sleep", 4, 100, 140, Double.NaN, 8));

    @Test
    @DisplayName("gives each cell the T0 of its own N, and T0 + ceil(N / L) x D as its model")
    void correctsTheModel() {
        ControlTimes controls = ControlTimes.of(RUN);
        assertEquals(OptionalDouble.of(30), controls.t0(RUN.get(0)));
        assertEquals(130, controls.model(RUN.get(0)), 1e-9);
        assertEquals(OptionalDouble.empty(), controls.t0(RUN.get(3)), "no control at N = 4 in this run");
        assertEquals(200, controls.model(RUN.get(3)), 1e-9, "the plain model where there is no control");
    }

    @Test
    @DisplayName(
            "makes the summary fit N = 1000 to T0 + D, show T0, mark the control rows, and name reopened connections")
    void summary() {
        String table = Summary.render(RUN);
        String timer1000 = table.lines()
                .filter(line -> line.startsWith("timer") && line.contains(" 1000 ") && line.contains(" 100 "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(table));
        assertTrue(timer1000.contains("30.0") && timer1000.contains("130.0") && timer1000.contains("fits"), table);
        assertTrue(table.lines().filter(line -> line.contains("control")).count() == 2, table);
        List<String> notes = Summary.notes(RUN);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("connection set-up is inside the numbers of sleep N=4"), notes.toString());
    }

    private static JmhResult cell(String handler, int n, int d, double score, double predicted, double reopened) {
        return new JmhResult(
                "dev.loopbench.benchmarks.ConcurrentRequestsBenchmark.wave",
                "avgt",
                1,
                1,
                Map.of(
                        "handler",
                        handler,
                        "concurrency",
                        Integer.toString(n),
                        "delayMs",
                        Integer.toString(d),
                        "eventLoops",
                        "2",
                        "target",
                        ""),
                metric(score, "ms/op"),
                Map.of(
                        WaveProfiler.PREDICTED, metric(predicted, "ms/op"),
                        WaveProfiler.NEW_CONNECTIONS, metric(reopened, "#")),
                null);
    }

    private static JmhResult.Metric metric(double score, String unit) {
        return new JmhResult.Metric(score, 1, score - 1, score + 1, unit, List.of(List.of(score - 1, score + 1)));
    }
}
