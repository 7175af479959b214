package dev.loopbench.model;

import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The statistics the reports apply to measurements: the median of a few waves, and Welch's test
 * and interval for two samples of iteration scores. Percentiles of request latencies are not
 * here: they come from HdrHistogram, merged per trial, so that none is an average of percentiles.
 */
public final class Statistics {

    /** From {@code low} to {@code high}, in the unit of the samples. */
    public record Interval(double low, double high) {}

    private Statistics() {}

    /** The middle value, or the mean of the two middle ones; NaN for no values. */
    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * A distribution-free interval of the median, from the order statistics: the median lies
     * between the k-th smallest and the k-th largest of n values with the probability that a
     * Binomial(n, 1/2) falls in [k, n - k], the largest k that gives at least {@code confidence}.
     * No assumption of normality, which ratios of wave times (one slow wave in a block) do not
     * meet. At least 6 values for 95%; with fewer the interval is the whole range, and says so by
     * being wide.
     */
    public static Interval medianInterval(List<Double> values, double confidence) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        BinomialDistribution count = new BinomialDistribution(null, n, 0.5);
        int k = 1; // 1-based: the k-th smallest and the k-th largest
        while (k + 1 <= (n + 1) / 2 && 1 - 2 * count.cumulativeProbability(k) >= confidence) {
            k++;
        }
        return new Interval(sorted.get(k - 1), sorted.get(n - k));
    }

    /**
     * Summed in order and divided by the count, as JMH computes a score from its iterations, so
     * that a mean of the same scores is the same double.
     */
    public static double mean(List<Double> values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.isEmpty() ? Double.NaN : sum / values.size();
    }

    /**
     * Welch's two-sided t-test of mean(a) = mean(b); at least two values each. When neither side
     * varies at all, any difference is certain and none is nothing.
     */
    public static double welchPValue(double[] a, double[] b) {
        if (StatUtils.variance(a) == 0 && StatUtils.variance(b) == 0) {
            return StatUtils.mean(a) == StatUtils.mean(b) ? 1 : 0;
        }
        return new TTest().tTest(a, b);
    }

    /** The (1 - alpha) confidence interval of mean(b) - mean(a), with Welch-Satterthwaite's degrees of freedom. */
    public static Interval differenceInterval(double[] a, double[] b, double alpha) {
        double difference = StatUtils.mean(b) - StatUtils.mean(a);
        double va = StatUtils.variance(a) / a.length;
        double vb = StatUtils.variance(b) / b.length;
        double standardError = Math.sqrt(va + vb);
        if (standardError == 0) {
            return new Interval(difference, difference);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - alpha / 2);
        return new Interval(difference - t * standardError, difference + t * standardError);
    }
}
