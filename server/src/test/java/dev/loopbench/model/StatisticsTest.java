package dev.loopbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
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
