package dev.loopbench.report;

import dev.loopbench.benchmarks.LatencyLog;
import dev.loopbench.jmh.JmhResult;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Each cell's request and bystander latencies, every interval of its {@code latency/<cell>.hlog}
 * merged into one histogram: all forks, all measured iterations. The reports take their
 * percentiles from here, never from JMH's secondary results, which JMH averages over forks (an
 * average of p99s is not a p99 of anything). Without a log (a results file copied on its own),
 * a cell measured in one fork still has true percentiles: the benchmark's own, from the merged
 * histogram of that one trial; a cell of several forks then has none.
 */
public final class CellLatencies {

    /** Where a cell's percentiles were read, for the notes under a table. */
    public enum Source {
        LOG("the merged histogram of its latency/*.hlog"),
        ONE_TRIAL("the benchmark's histogram of its one fork"),
        NONE("none: several forks and no latency log");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Milliseconds; {@code count} latencies recorded. */
    public record Percentiles(double p50, double p90, double p99, double p999, double max, long count) {

        static Percentiles of(Histogram nanos) {
            return new Percentiles(
                    nanos.getValueAtPercentile(50) / 1e6,
                    nanos.getValueAtPercentile(90) / 1e6,
                    nanos.getValueAtPercentile(99) / 1e6,
                    nanos.getValueAtPercentile(99.9) / 1e6,
                    nanos.getMaxValue() / 1e6,
                    nanos.getTotalCount());
        }
    }

    /** One cell's latencies: its requests', its bystanders' (empty without any) and where they come from. */
    public record Cell(Optional<Percentiles> requests, Optional<Percentiles> bystanders, Source source) {

        static final Cell NONE = new Cell(Optional.empty(), Optional.empty(), Source.NONE);
    }

    /** A cell's log merged: every request interval into one histogram, every bystander interval into another. */
    public record Merged(Histogram requests, Histogram bystanders) {}

    private final Optional<Path> directory;
    private final Map<String, Optional<Merged>> logs = new HashMap<>();

    private CellLatencies(Optional<Path> directory) {
        this.directory = directory;
    }

    /** The logs of a results folder ({@code latency/} in it); a folder without them is fine. */
    public static CellLatencies in(Path resultsDirectory) {
        return new CellLatencies(Optional.of(resultsDirectory.resolve("latency")));
    }

    /** The logs beside a results file: those of the run that wrote it. */
    public static CellLatencies beside(Path resultsFile) {
        Path parent = resultsFile.toAbsolutePath().getParent();
        return parent == null ? none() : in(parent);
    }

    /** No logs: only one-fork cells have percentiles. */
    public static CellLatencies none() {
        return new CellLatencies(Optional.empty());
    }

    public Cell of(JmhResult result) {
        return merged(result)
                .map(CellLatencies::cell)
                .orElseGet(() -> result.forks() == 1 ? oneTrial(result) : Cell.NONE);
    }

    /** The cell's log, merged; empty without a readable log. */
    public Optional<Merged> merged(JmhResult result) {
        return log(result).flatMap(log -> logs.computeIfAbsent(log.getFileName().toString(), name -> read(log)));
    }

    /** Where the cell's log would be; empty when these latencies have no folder. */
    public Optional<Path> log(JmhResult result) {
        return directory.map(dir -> dir.resolve(LatencyLog.fileName(result.params())));
    }

    /** Measured waves: requests / N, from the log when there is one, else from the benchmark's request counter. */
    public long waves(JmhResult result) {
        double n = number(result.param("concurrency"));
        if (!(n > 0)) {
            return 0;
        }
        Cell cell = of(result);
        double requests = cell.source() == Source.LOG
                ? cell.requests().map(Percentiles::count).orElse(0L)
                : result.secondaryScore("requests");
        return Double.isFinite(requests) ? Math.round(requests / n) : 0;
    }

    private static Optional<Merged> read(Path log) {
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        Histogram requests = new Histogram(3);
        Histogram bystanders = new Histogram(3);
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
            for (EncodableHistogram interval = reader.nextIntervalHistogram();
                    interval != null;
                    interval = reader.nextIntervalHistogram()) {
                if (interval instanceof Histogram histogram) {
                    (LatencyLog.BYSTANDER_TAG.equals(histogram.getTag()) ? bystanders : requests).add(histogram);
                }
            }
        } catch (FileNotFoundException | RuntimeException e) {
            return Optional.empty(); // a log cut short or unreadable: the benchmark's own figures, if one fork
        }
        return Optional.of(new Merged(requests, bystanders));
    }

    private static Cell cell(Merged merged) {
        return new Cell(percentiles(merged.requests()), percentiles(merged.bystanders()), Source.LOG);
    }

    private static Optional<Percentiles> percentiles(Histogram nanos) {
        return nanos.getTotalCount() == 0 ? Optional.empty() : Optional.of(Percentiles.of(nanos));
    }

    /** One fork: the benchmark's trial figures are the percentiles of that trial's merged histogram. */
    private static Cell oneTrial(JmhResult result) {
        Optional<Percentiles> requests = Double.isNaN(result.secondaryScore("latencyP50"))
                ? Optional.empty()
                : Optional.of(new Percentiles(
                        result.secondaryScore("latencyP50"),
                        result.secondaryScore("latencyP90"),
                        result.secondaryScore("latencyP99"),
                        result.secondaryScore("latencyP999"),
                        result.secondaryScore("latencyMax"),
                        Math.round(result.secondaryScore("requests"))));
        Optional<Percentiles> bystanders = Double.isNaN(result.secondaryScore("bystanderP50"))
                ? Optional.empty()
                : Optional.of(new Percentiles(
                        result.secondaryScore("bystanderP50"),
                        Double.NaN,
                        result.secondaryScore("bystanderP99"),
                        Double.NaN,
                        result.secondaryScore("bystanderMax"),
                        Math.round(result.secondaryScore("bystanders"))));
        return requests.isEmpty() && bystanders.isEmpty()
                ? Cell.NONE
                : new Cell(requests, bystanders, Source.ONE_TRIAL);
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
