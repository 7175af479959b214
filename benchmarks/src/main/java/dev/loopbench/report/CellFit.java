package dev.loopbench.report;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ModelFit;
import java.util.Optional;

/** A cell of a run judged by {@link ModelFit#judge}: its interval, its waves and its control's interval. */
public final class CellFit {

    private CellFit() {}

    /** Empty for a cell without a model (unknown lanes), the control itself, or a result that is no wave. */
    public static Optional<ModelFit.Judgement> of(JmhResult cell, ControlTimes controls, CellLatencies latencies) {
        double predicted = cell.secondaryScore(WaveProfiler.PREDICTED);
        if (!WaveLines.isWave(cell) || ControlTimes.isControl(cell) || Double.isNaN(predicted)) {
            return Optional.empty();
        }
        boolean inProcess = cell.param("target") == null || cell.param("target").isBlank();
        boolean compute = HandlerStyle.fromPath(cell.param("handler"))
                .map(HandlerStyle::computes)
                .orElse(false);
        return Optional.of(ModelFit.judge(
                measured(cell, latencies),
                controls.control(cell).map(control -> measured(control, latencies)),
                predicted,
                compute && inProcess));
    }

    static ModelFit.Measured measured(JmhResult result, CellLatencies latencies) {
        JmhResult.Metric score = result.primary();
        return new ModelFit.Measured(score.score(), score.lowerBound(), score.upperBound(), latencies.waves(result));
    }
}
