package dev.loopbench.report;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.WaveModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * T0(N), the wave time of the zero-delay control ({@code timer} at {@code delayMs = 0}) at each
 * concurrency, event-loop count and target of a run: what sending, parsing and answering N
 * requests costs. The corrected model of a cell is {@code T0(N) + ceil(N / L) x D}.
 */
public final class ControlTimes {

    private final Map<String, JmhResult> byCell;

    private ControlTimes(Map<String, JmhResult> byCell) {
        this.byCell = byCell;
    }

    public static ControlTimes of(List<JmhResult> results) {
        Map<String, JmhResult> byCell = new HashMap<>();
        for (JmhResult result : results) {
            if (isControl(result)) {
                byCell.put(key(result), result);
            }
        }
        return new ControlTimes(byCell);
    }

    public static boolean isControl(JmhResult result) {
        return HandlerStyle.TIMER.path().equals(result.param("handler")) && "0".equals(result.param("delayMs"));
    }

    /** T0 at this cell's N, E and target; empty when the run has no control there. */
    public OptionalDouble t0(JmhResult cell) {
        JmhResult control = byCell.get(key(cell));
        return control == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(control.primary().score());
    }

    /** The control's own result at this cell's N, E and target: its interval is T0's uncertainty. */
    public Optional<JmhResult> control(JmhResult cell) {
        return Optional.ofNullable(byCell.get(key(cell)));
    }

    /** T0 + ceil(N / L) x D where both are known; the plain model without a control; NaN without lanes. */
    public double model(JmhResult cell) {
        return WaveModel.correctedMillis(t0(cell).orElse(0), cell.secondaryScore(WaveProfiler.PREDICTED));
    }

    public boolean isEmpty() {
        return byCell.isEmpty();
    }

    private static String key(JmhResult result) {
        return result.param("concurrency") + " " + result.param("eventLoops") + " "
                + Objects.requireNonNullElse(result.param("target"), "");
    }
}
