package dev.loopbench.jmh;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON results; every way a file can be unusable becomes one {@link UnusableInput} line. */
public final class JmhResults {

    /** Why a results file cannot be used: missing, not JSON, not JMH's. */
    public static final class UnusableInput extends Exception {
        public UnusableInput(String message) {
            super(message, null, false, false);
        }
    }

    private JmhResults() {}

    public static List<JmhResult> read(Path file) throws UnusableInput {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnusableInput(file + ": no such file");
        } catch (IOException e) {
            throw new UnusableInput(file + ": cannot be read: " + e.getMessage());
        }
        JsonArray entries;
        try {
            Object parsed = Json.decodeValue(text);
            if (!(parsed instanceof JsonArray array)) {
                throw new UnusableInput(file + ": not JMH results: JMH writes a JSON array of benchmark results");
            }
            entries = array;
        } catch (DecodeException e) {
            throw new UnusableInput(file + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (entries.isEmpty()) {
            throw new UnusableInput(file + ": holds no benchmark results (an empty JSON array)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                results.add(parse(entries.getValue(i)));
            } catch (RuntimeException e) {
                throw new UnusableInput(
                        file + ": entry " + (i + 1) + " is not a JMH benchmark result (" + e.getMessage() + ")");
            }
        }
        return results;
    }

    private static JmhResult parse(Object value) {
        if (!(value instanceof JsonObject entry)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String benchmark = required(entry, "benchmark");
        String mode = required(entry, "mode");
        JsonObject primary = entry.getJsonObject("primaryMetric");
        if (primary == null) {
            throw new IllegalArgumentException("no primaryMetric");
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonObject jsonParams = entry.getJsonObject("params");
        if (jsonParams != null) {
            jsonParams.forEach(param -> params.put(param.getKey(), String.valueOf(param.getValue())));
        }
        Map<String, JmhResult.Metric> secondary = new LinkedHashMap<>();
        JsonObject jsonSecondary = entry.getJsonObject("secondaryMetrics");
        if (jsonSecondary != null) {
            jsonSecondary.forEach(metric -> secondary.put(metric.getKey(), metric((JsonObject) metric.getValue())));
        }
        JsonArray jvmArgs = entry.getJsonArray("jvmArgs", new JsonArray());
        List<String> args = new ArrayList<>();
        jvmArgs.forEach(arg -> args.add(String.valueOf(arg)));
        JmhResult.RunSettings settings = new JmhResult.RunSettings(
                entry.getString("jdkVersion", "?"),
                entry.getString("vmName", "?"),
                entry.getString("vmVersion", "?"),
                args,
                entry.getInteger("warmupIterations", 0),
                entry.getString("warmupTime", "?"),
                entry.getInteger("measurementIterations", 0),
                entry.getString("measurementTime", "?"));
        return new JmhResult(
                benchmark,
                mode,
                entry.getInteger("threads", 1),
                entry.getInteger("forks", 1),
                Collections.unmodifiableMap(params),
                metric(primary),
                Collections.unmodifiableMap(secondary),
                settings);
    }

    private static JmhResult.Metric metric(JsonObject json) {
        if (!json.containsKey("score")) {
            throw new IllegalArgumentException("a metric without a score");
        }
        JsonArray confidence = json.getJsonArray("scoreConfidence", new JsonArray());
        return new JmhResult.Metric(
                number(json.getValue("score")),
                number(json.getValue("scoreError")),
                confidence.size() == 2 ? number(confidence.getValue(0)) : Double.NaN,
                confidence.size() == 2 ? number(confidence.getValue(1)) : Double.NaN,
                json.getString("scoreUnit", ""),
                rawData(json));
    }

    /**
     * Per fork, per iteration. From {@code rawDataHistogram} (sample mode) each iteration gives
     * its mean: single operations within an iteration are not independent samples, and a file
     * can hold millions of them.
     */
    private static List<List<Double>> rawData(JsonObject metric) {
        List<List<Double>> forks = new ArrayList<>();
        JsonArray raw = metric.getJsonArray("rawData");
        if (raw != null) {
            for (Object fork : raw) {
                List<Double> iterations = new ArrayList<>();
                for (Object iteration : (JsonArray) fork) {
                    iterations.add(number(iteration));
                }
                forks.add(iterations);
            }
            return forks;
        }
        JsonArray histograms = metric.getJsonArray("rawDataHistogram");
        if (histograms != null) {
            for (Object fork : histograms) {
                List<Double> iterations = new ArrayList<>();
                for (Object iteration : (JsonArray) fork) {
                    double sum = 0;
                    long total = 0;
                    for (Object bucket : (JsonArray) iteration) {
                        JsonArray valueAndCount = (JsonArray) bucket;
                        long count = ((Number) valueAndCount.getValue(1)).longValue();
                        sum += number(valueAndCount.getValue(0)) * count;
                        total += count;
                    }
                    if (total > 0) {
                        iterations.add(sum / total);
                    }
                }
                forks.add(iterations);
            }
        }
        return forks;
    }

    /** JMH writes NaN and infinities as strings. */
    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            return Double.parseDouble(text);
        }
        return Double.NaN;
    }

    private static String required(JsonObject entry, String field) {
        Object value = entry.getValue(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("no '" + field + "'");
        }
        return text;
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
