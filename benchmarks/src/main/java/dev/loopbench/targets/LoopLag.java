package dev.loopbench.targets;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopbench server's event-loop lag, as its {@code /metrics} says: the histogram of how late
 * each loop ran a task due every few milliseconds ({@code loopbench_event_loop_lag_seconds}).
 * Two scrapes, before the first measured iteration and after the last, give the trial's own
 * distribution: the buckets are cumulative counts, so their difference is what happened between.
 */
public final class LoopLag {

    static final String METRIC = "loopbench_event_loop_lag_seconds";

    private static final Pattern BUCKET =
            Pattern.compile("^" + METRIC + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");
    private static final Pattern MAX = Pattern.compile("^" + METRIC + "_max\\{[^}]*} ([0-9.eE+-]+)$");

    /** Cumulative tick counts by bucket bound (seconds), all loops added up, and the largest loop's max. */
    public record Snapshot(Map<Double, Double> cumulative, double maxSeconds) {

        /**
         * The 99th percentile of the ticks between {@code earlier} and this, in ms: the upper
         * bound of the bucket it falls in, so it is exact to the bucket's width; NaN without ticks.
         */
        public double p99MillisSince(Snapshot earlier) {
            return boundHoldingSince(earlier, 0.99);
        }

        /**
         * The largest lateness among the ticks between {@code earlier} and this, in ms: the bound of
         * the highest bucket that gained ticks. The server's own max covers its last two minutes,
         * start-up's class loading included; this covers the interval alone.
         */
        public double maxMillisSince(Snapshot earlier) {
            return boundHoldingSince(earlier, 1);
        }

        /** The bound of the first bucket that holds {@code share} of the new ticks, in ms; NaN without any. */
        private double boundHoldingSince(Snapshot earlier, double share) {
            double total = count(this) - count(earlier);
            if (!(total > 0)) {
                return Double.NaN;
            }
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                double below = bucket.getValue() - earlier.cumulative.getOrDefault(bucket.getKey(), 0.0);
                if (below >= share * total) {
                    return bucket.getKey() * 1e3;
                }
            }
            return Double.NaN;
        }

        private static double count(Snapshot snapshot) {
            return snapshot.cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        }
    }

    private LoopLag() {}

    /** Empty when the target has no such metric (not loopbench, or its lag probe is off) or does not answer. */
    public static Optional<Snapshot> scrape(HttpClient client, String baseUrl) {
        try {
            HttpResponse<String> metrics =
                    ProbeClient.get(client, RequestUrls.requestUrl(baseUrl, "metrics"), Duration.ofSeconds(10));
            return metrics.statusCode() == 200 ? parse(metrics.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Snapshot> parse(String text) {
        Map<Double, Double> cumulative = new TreeMap<>();
        double max = Double.NaN;
        for (String line : text.split("\n")) {
            Matcher bucket = BUCKET.matcher(line.strip());
            if (bucket.matches()) {
                double bound =
                        bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
                cumulative.merge(bound, Double.parseDouble(bucket.group(2)), Double::sum);
                continue;
            }
            Matcher largest = MAX.matcher(line.strip());
            if (largest.matches()) {
                double value = Double.parseDouble(largest.group(1));
                max = Double.isNaN(max) ? value : Math.max(max, value);
            }
        }
        return cumulative.isEmpty() ? Optional.empty() : Optional.of(new Snapshot(cumulative, max));
    }
}
