package dev.loopbench.report;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.WaveModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's cells grouped into lines against concurrency, for every chart of a run, the text one
 * included: one line per handler (and per delay or event-loop count when a run has several).
 */
public final class WaveLines {

    /** Cells that share everything but the concurrency, ordered by N. */
    public record Line(String name, String handler, List<JmhResult> cells) {}

    private WaveLines() {}

    /** In the order of the results; results that are not a loopbench wave are left out. */
    public static List<Line> of(List<JmhResult> results) {
        Map<String, List<JmhResult>> byLine = new LinkedHashMap<>();
        boolean severalDelays =
                results.stream().map(r -> r.param("delayMs")).distinct().count() > 1;
        boolean severalLoops =
                results.stream().map(r -> r.param("eventLoops")).distinct().count() > 1;
        for (JmhResult result : results) {
            if (!(concurrency(result) > 0) || !(result.primary().score() > 0)) {
                continue; // nothing to draw against N
            }
            String name = String.valueOf(result.param("handler"))
                    + (severalDelays ? " D=" + result.param("delayMs") : "")
                    + (severalLoops ? " E=" + result.param("eventLoops") : "");
            byLine.computeIfAbsent(name, key -> new ArrayList<>()).add(result);
        }
        List<Line> lines = new ArrayList<>();
        byLine.forEach((name, cells) -> {
            List<JmhResult> sorted = new ArrayList<>(cells);
            sorted.sort(Comparator.comparingDouble(WaveLines::concurrency));
            lines.add(new Line(name, String.valueOf(cells.get(0).param("handler")), sorted));
        });
        return lines;
    }

    /** Whether a result is a wave of loopbench's benchmark in ms/op: what the model and P speak of. */
    public static boolean isWave(JmhResult result) {
        return result.param("handler") != null
                && concurrency(result) > 0
                && "ms/op".equals(result.primary().unit());
    }

    /** P = N x D / T for a wave time T of this cell; NaN where it is not defined (D = 0, or no wave). */
    public static double parallelism(JmhResult cell, double waveMillis) {
        double n = concurrency(cell);
        double d = number(cell.param("delayMs"));
        return n > 0 && d > 0 && waveMillis > 0 ? WaveModel.effectiveParallelism((int) n, d, waveMillis) : Double.NaN;
    }

    /** N of a cell; NaN when it has none. */
    public static double concurrency(JmhResult cell) {
        return number(cell.param("concurrency"));
    }

    static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
