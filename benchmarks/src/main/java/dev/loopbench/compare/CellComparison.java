package dev.loopbench.compare;

import dev.loopbench.jmh.JmhResult;

/**
 * One cell in both runs.
 *
 * @param changePercent candidate against base, signed as the scores go: +10 means a 10% higher score
 * @param worsePercent  the same change signed by direction: positive is worse (slower, or less throughput)
 * @param ciLowPercent  the low end of the confidence interval of {@code changePercent}
 * @param pValue        Welch's two-sided t-test, Holm-adjusted over the run's cells (what is held
 *                      against alpha); NaN with too few samples
 * @param rawPValue     the same test before the adjustment
 * @param independent   whether the samples were the forks' scores (independent) rather than one
 *                      fork's iterations (autocorrelated: their p-values come out too small)
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
        boolean regression,
        double rawPValue,
        boolean independent) {

    public int baseSamples() {
        return Comparison.samples(base, independent).length;
    }

    public int candidateSamples() {
        return Comparison.samples(candidate, independent).length;
    }
}
