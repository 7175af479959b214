package dev.loopbench.compare;

import dev.loopbench.jmh.JmhResult;

/**
 * One cell in both runs.
 *
 * @param changePercent candidate against base, signed as the scores go: +10 means a 10% higher score
 * @param worsePercent  the same change signed by direction: positive is worse (slower, or less throughput)
 * @param ciLowPercent  the low end of the confidence interval of {@code changePercent}
 * @param pValue        Welch's two-sided t-test on the raw iteration scores; NaN with too few samples
 */
public record CellComparison(
        JmhResult base,
        JmhResult candidate,
        String label,
        double changePercent,
        double worsePercent,
        double ciLowPercent,
        double ciHighPercent,
        double pValue,
        Verdict verdict,
        boolean regression) {

    public int baseSamples() {
        return base.primary().samples().size();
    }

    public int candidateSamples() {
        return candidate.primary().samples().size();
    }
}
