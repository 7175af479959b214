package dev.loopbench.benchmarks;

import dev.loopbench.client.WaveClient;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Per-request latencies as an HdrHistogram log, in nanoseconds, the format that HdrHistogram's
 * {@code HistogramLogProcessor}, HistogramLogAnalyzer and HdrHistogramVisualizer read. A JMH cell's
 * log, {@code latency/<cell>.hlog}, has one interval histogram per measurement iteration; each fork
 * of a cell appends its iterations to the same file, so the log holds the whole cell. The
 * bystanders' latencies of an iteration follow its requests' as an interval tagged
 * {@value #BYSTANDER_TAG}; HdrHistogram's tools read the untagged ones unless given {@code -tag}.
 */
public final class LatencyLog implements AutoCloseable {

    /** The tag of the bystanders' intervals. */
    public static final String BYSTANDER_TAG = "bystander";

    private final PrintStream file;
    private final HistogramLogWriter writer;

    private LatencyLog(PrintStream file, boolean fresh, String comment, long startEpochMillis) {
        this.file = file;
        this.writer = new HistogramLogWriter(file);
        if (fresh) {
            writer.outputComment(comment);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startEpochMillis);
            writer.outputLegend();
        }
    }

    static LatencyLog open(Path directory, Map<String, String> params) throws IOException {
        Files.createDirectories(directory);
        Path path = directory.resolve(fileName(params));
        boolean fresh = !Files.exists(path) || Files.size(path) == 0;
        return new LatencyLog(
                new PrintStream(new FileOutputStream(path.toFile(), true), false, StandardCharsets.UTF_8),
                fresh,
                "loopbench: per-request latency in nanoseconds, one interval per measurement iteration, bystanders tagged",
                System.currentTimeMillis());
    }

    /**
     * A new log in {@code file}, replacing one that is there.
     *
     * @param comment what the log holds, in one line; HdrHistogram's tools show it
     * @param startEpochMillis when the log's time 0 is; each interval's start is written relative to it
     */
    public static LatencyLog create(Path file, String comment, long startEpochMillis) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LatencyLog log = new LatencyLog(
                new PrintStream(new FileOutputStream(file.toFile(), false), false, StandardCharsets.UTF_8),
                true,
                comment,
                startEpochMillis);
        log.writer.setBaseTime(startEpochMillis); // intervals start at 0.000 s, 1.000 s, ...: readable as they are
        return log;
    }

    /** An interval: its start and end time stamps (epoch milliseconds) say when. */
    public void write(Histogram interval) {
        writer.outputIntervalHistogram(interval);
        file.flush();
    }

    @Override
    public void close() {
        file.close();
    }

    /**
     * {@code timer-N1000-D100-E2.hlog}: the handler, then the other parameters as the summary
     * names them; a parameter of another benchmark keeps its own name, and an empty one is left out.
     */
    public static String fileName(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        parts.add(params.getOrDefault("handler", "cell"));
        Map<String, String> sorted =
                new TreeMap<>(Comparator.comparingInt(LatencyLog::rank).thenComparing(name -> name));
        sorted.putAll(params);
        sorted.forEach((name, value) -> {
            if (!name.equals("handler") && !name.equals("target") && !value.isBlank() && !isDefault(name, value)) {
                parts.add(
                        switch (name) {
                            case "concurrency" -> "N" + value;
                            case "delayMs" -> "D" + value;
                            case "eventLoops" -> "E" + value;
                            default -> name + "=" + value;
                        });
            }
        });
        return String.join("-", parts).replaceAll("[^A-Za-z0-9=._-]", "_") + ".hlog";
    }

    /** A parameter at its default says nothing about the cell: the name keeps to handler, N, D and E. */
    private static boolean isDefault(String name, String value) {
        return name.equals("bystander") && value.equals(ConcurrentRequestsBenchmark.DEFAULT_BYSTANDER)
                || name.equals("client") && value.equals(WaveClient.Kind.CORE.param());
    }

    private static int rank(String param) {
        return switch (param) {
            case "concurrency" -> 0;
            case "delayMs" -> 1;
            case "eventLoops" -> 2;
            default -> 3;
        };
    }
}
