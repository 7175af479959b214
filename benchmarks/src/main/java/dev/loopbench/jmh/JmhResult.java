package dev.loopbench.jmh;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One entry of a JMH JSON results file, as much of it as the reports use. Works for any JMH
 * benchmark, not only loopbench's.
 *
 * @param rawData per fork, the score of each measurement iteration (from {@code rawData}, or
 *                expanded from {@code rawDataHistogram})
 */
public record JmhResult(
        String benchmark,
        String mode,
        int threads,
        int forks,
        Map<String, String> params,
        Metric primary,
        Map<String, Metric> secondary,
        RunSettings settings) {

    /**
     * A metric: its score, the error JMH computed (NaN when it could not), JMH's confidence
     * interval of the score (NaN ends when it could not) and the raw samples.
     */
    public record Metric(
            double score, double error, double lowerBound, double upperBound, String unit, List<List<Double>> rawData) {

        public List<Double> samples() {
            return rawData.stream().flatMap(List::stream).collect(Collectors.toList());
        }
    }

    /** How the run was made: what has to match for two runs to be comparable. */
    public record RunSettings(
            String jdkVersion,
            String vmName,
            String vmVersion,
            List<String> jvmArgs,
            int warmupIterations,
            String warmupTime,
            int measurementIterations,
            String measurementTime) {}

    /** {@code benchmark mode [threads] params}: what matches a result across two files. */
    public String key() {
        return keyWithout(Set.of());
    }

    /**
     * Parameters the benchmark gained later, with their default: a result without one matches a
     * result at the default, and one at another value matches neither. {@code client} came with
     * issue 19; the runs before it sent their waves with the Web Client, so a compare across that
     * change shows the core client's saving as the change, which is what it is.
     */
    public static final Map<String, String> ADDED_PARAMS = Map.of("client", "core");

    /** The key without some parameters: those only one of two runs has, when they are compared. */
    public String keyWithout(Set<String> ignored) {
        String kept = new TreeMap<>(params)
                .entrySet().stream()
                        .filter(entry -> !ignored.contains(entry.getKey()))
                        .filter(entry -> !entry.getValue().equals(ADDED_PARAMS.get(entry.getKey())))
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining(", "));
        return benchmark + " " + mode + " t" + threads + (kept.isEmpty() ? "" : " " + kept);
    }

    /** {@code Class.method (a=1, b=2)}: short enough for a table. */
    public String label() {
        return shortName() + (params.isEmpty() ? "" : " (" + paramString() + ")");
    }

    /** {@code Class.method}, without the package. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int owner = benchmark.lastIndexOf('.', method - 1);
        return method < 0 ? benchmark : benchmark.substring(owner + 1);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** The score of a secondary metric, such as a profiler's; NaN when the result has none of that name. */
    public double secondaryScore(String name) {
        Metric metric = secondary.get(name);
        return metric == null ? Double.NaN : metric.score();
    }

    public String paramString() {
        return new TreeMap<>(params)
                .entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining(", "));
    }

    /** Whether a lower score is better: time per operation, as opposed to operations per time. */
    public boolean lowerIsBetter() {
        String unit = primary.unit();
        if (unit.endsWith("/op")) {
            return true;
        }
        if (unit.startsWith("ops/")) {
            return false;
        }
        return !"thrpt".equals(mode);
    }
}
