package dev.loopbench.benchmarks;

import java.util.Collection;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Aggregator;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A figure of the whole trial, reported after its last measurement iteration only. JMH fills a
 * secondary result that is missing from an iteration with a zero and then averages, which turned
 * a p50 of 8.2 ms over three iterations into 2.7 ms. This result has no zero, and its aggregators
 * keep a single value as it is; the values of several forks combine by the policy (mean or max).
 */
final class TrialResult extends ScalarResult {

    private static final long serialVersionUID = 1L;

    private final AggregationPolicy combination;

    TrialResult(String label, double value, String unit, AggregationPolicy combination) {
        super(label, value, unit, combination);
        this.combination = combination;
    }

    @Override
    protected ScalarResult getZeroResult() {
        return null;
    }

    @Override
    protected Aggregator<ScalarResult> getThreadAggregator() {
        return TrialResult::combine;
    }

    @Override
    protected Aggregator<ScalarResult> getIterationAggregator() {
        return TrialResult::combine;
    }

    private static ScalarResult combine(Collection<ScalarResult> results) {
        TrialResult first = (TrialResult) results.iterator().next();
        if (results.size() == 1) {
            return first;
        }
        double value = first.combination == AggregationPolicy.MAX
                ? results.stream().mapToDouble(ScalarResult::getScore).max().orElseThrow()
                : results.stream().mapToDouble(ScalarResult::getScore).average().orElseThrow();
        return new TrialResult(first.getLabel(), value, first.getScoreUnit(), first.combination);
    }
}
