package dev.loopbench.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /metrics}, read as far as loopbench's own metrics need. */
record PrometheusText(String text) {

    record Sample(String name, Map<String, String> labels, double value) {}

    /** A histogram's cumulative counts at one scrape: upper bound in seconds to count. */
    record Buckets(Map<Double, Double> countAtMost) {

        /**
         * Where the largest sample between {@code earlier} and this scrape lies: the bucket
         * {@code (lower, upper]} that is the highest to have gained a sample; null if none did.
         */
        double[] highestNewSample(Buckets earlier) {
            double lower = 0;
            double previousGain = 0;
            double[] highest = null;
            for (Map.Entry<Double, Double> bucket : countAtMost.entrySet()) {
                double gain = bucket.getValue() - earlier.countAtMost.getOrDefault(bucket.getKey(), 0.0);
                if (gain > previousGain) {
                    highest = new double[] {lower, bucket.getKey()};
                }
                previousGain = gain;
                lower = bucket.getKey();
            }
            return highest;
        }
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus text sample: '" + line + "' in\n" + text);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(Objects.requireNonNullElse(sample.group(3), ""));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.add(new Sample(sample.group(1), labels, number(sample.group(4))));
        }
        return samples;
    }

    /** The values of the label {@code label} among the samples named {@code name}. */
    Set<String> labelValues(String name, String label) {
        Set<String> values = new TreeSet<>();
        samples().stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().containsKey(label))
                .forEach(sample -> values.add(sample.labels().get(label)));
        return values;
    }

    /** The one sample named {@code name} whose label {@code label} is {@code value}. */
    double value(String name, String label, String value) {
        List<Sample> found = samples().stream()
                .filter(sample -> sample.name().equals(name)
                        && value.equals(sample.labels().get(label)))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(
                    found.size() + " samples " + name + "{" + label + "=\"" + value + "\"}, expected one, in\n" + text);
        }
        return found.get(0).value();
    }

    Buckets buckets(String histogram, String label, String value) {
        Map<Double, Double> counts = new LinkedHashMap<>();
        samples().stream()
                .filter(sample -> sample.name().equals(histogram + "_bucket")
                        && value.equals(sample.labels().get(label)))
                .sorted(Comparator.comparingDouble(
                        sample -> number(sample.labels().get("le"))))
                .forEach(sample -> counts.put(number(sample.labels().get("le")), sample.value()));
        if (counts.isEmpty()) {
            throw new AssertionError("no buckets of " + histogram + "{" + label + "=\"" + value + "\"} in\n" + text);
        }
        return new Buckets(counts);
    }

    /** Prometheus writes infinity as {@code +Inf}, which {@link Double#parseDouble} does not read. */
    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
