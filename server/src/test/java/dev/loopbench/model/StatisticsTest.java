package dev.loopbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The statistics")
class StatisticsTest {

    @ParameterizedTest(name = "the median of [{0}] is {1}")
    @CsvSource(
            delimiter = ';',
            value = {"3; 3", "5, 1, 3; 3", "4, 1, 3, 2; 2.5", "100.5, 101, 99, 250; 100.75", "; NaN"})
    void medianIsTheMiddleValue(String values, double median) {
        List<Double> parsed = parse(values);
        assertEquals(median, Statistics.median(parsed), 1e-12, "values " + parsed);
    }

    @ParameterizedTest(name = "the 95% interval of the median of 1..{0} runs from the {1}th value to the {2}th")
    @CsvSource({"20, 6, 15", "60, 22, 39", "6, 1, 6", "3, 1, 3"})
    void medianIntervalIsBetweenOrderStatistics(int n, int low, int high) {
        List<Double> values = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            values.add((double) i); // in reverse: the interval must sort them
        }
        Statistics.Interval interval = Statistics.medianInterval(values, 0.95);
        assertEquals(low, interval.low(), 0, "n " + n + ": " + interval);
        assertEquals(high, interval.high(), 0, "n " + n + ": " + interval);
    }

    @Test
    @DisplayName("the 95% interval of the median holds the true median of a skewed distribution 95 to 99% of the time")
    void medianIntervalCoversTheMedian() {
        java.util.Random random = new Random(19);
        double trueMedian = Math.log(2); // of the exponential distribution of mean 1
        int trials = 4000;
        int covered = 0;
        for (int trial = 0; trial < trials; trial++) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                values.add(-Math.log(1 - random.nextDouble()));
            }
            Statistics.Interval interval = Statistics.medianInterval(values, 0.95);
            if (interval.low() <= trueMedian && trueMedian <= interval.high()) {
                covered++;
            }
        }
        double coverage = covered / (double) trials;
        // n = 20 gives 95.9% exactly; 4000 trials leave a standard error of 0.3%
        assertTrue(coverage >= 0.945 && coverage <= 0.975, "coverage " + coverage + " over " + trials + " trials");
    }

    @ParameterizedTest(name = "the mean of [{0}] is {1}")
    @CsvSource(
            delimiter = ';',
            value = {"3; 3", "1, 2, 3, 4; 2.5", "; NaN"})
    void meanIsTheSumOverTheCount(String values, double mean) {
        List<Double> parsed = parse(values);
        assertEquals(mean, Statistics.mean(parsed), 1e-12, "values " + parsed);
    }

    @Test
    @DisplayName("sums the mean in order, as JMH does, so that the same scores give the same double")
    void meanKeepsJmhsOrder() {
        List<Double> scores = List.of(140.1, 139.7, 141.30000000000001, 0.1, 0.2);
        double sum = 0;
        for (double score : scores) {
            sum += score;
        }
        assertEquals(sum / scores.size(), Statistics.mean(scores), 0.0, "scores " + scores);
    }

    @Test
    @DisplayName("Welch's test: p = 0.1075 for 1..5 against 2..10; 1 for two equal constants, 0 for two different ones")
    void welchPValue() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {2, 4, 6, 8, 10};
        String inputs = "a=" + Arrays.toString(a) + " b=" + Arrays.toString(b);
        assertEquals(0.10753119493062706, Statistics.welchPValue(a, b), 1e-12, inputs);
        assertEquals(1, Statistics.welchPValue(new double[] {7, 7}, new double[] {7, 7}), "a=[7, 7] b=[7, 7]");
        assertEquals(0, Statistics.welchPValue(new double[] {7, 7}, new double[] {8, 8}), "a=[7, 7] b=[8, 8]");
    }

    @Test
    @DisplayName("the 95% interval of mean(b) - mean(a) for 1..5 against 2..10 is 3 +- 3.888 (df 5.88)")
    void differenceInterval() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {2, 4, 6, 8, 10};
        Statistics.Interval interval = Statistics.differenceInterval(a, b, 0.05);
        String inputs = "a=" + Arrays.toString(a) + " b=" + Arrays.toString(b) + " alpha=0.05: " + interval;
        assertEquals(-0.8877416437370305, interval.low(), 1e-9, inputs);
        assertEquals(6.88774164373703, interval.high(), 1e-9, inputs);
        assertEquals(
                new Statistics.Interval(1, 1),
                Statistics.differenceInterval(new double[] {7, 7}, new double[] {8, 8}, 0.05),
                "a=[7, 7] b=[8, 8] alpha=0.05: no spread, a point");
    }

    private static List<Double> parse(String values) {
        return values == null
                ? List.of()
                : Arrays.stream(values.split(","))
                        .map(String::trim)
                        .map(Double::valueOf)
                        .toList();
    }
}
