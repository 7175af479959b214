package dev.loopbench.export;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.report.CellLatencies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The results in the formats dashboards read as they are. {@code results.json} stays JMH's own,
 * but Bencher's JMH adapter keys a result by its benchmark name alone, so that every cell of
 * {@code ConcurrentRequestsBenchmark.wave} would become one: these files name each cell.
 */
public final class DashboardExports {

    public static final String BENCHER = "bmf.json";
    public static final String WAVE_TIMES = "github-action-benchmark.json";
    public static final String PARALLELISM = "github-action-benchmark-parallelism.json";

    private DashboardExports() {}

    /** @return what was written, a sentence */
    /** Without latency logs: a p99 only for cells of one fork, see {@link CellLatencies}. */
    public static String write(List<JmhResult> results, Path directory) throws IOException {
        return write(results, CellLatencies.none(), directory);
    }

    /** @param latencies where each cell's p99 comes from: its merged histogram */
    public static String write(List<JmhResult> results, CellLatencies latencies, Path directory) throws IOException {
        write(
                directory.resolve(BENCHER),
                BencherMetricFormat.of(results, latencies).encodePrettily());
        write(
                directory.resolve(WAVE_TIMES),
                GithubActionBenchmarkFormat.waveTimes(results, latencies).encodePrettily());
        write(
                directory.resolve(PARALLELISM),
                GithubActionBenchmarkFormat.parallelism(results).encodePrettily());
        return "wrote " + directory.resolve(BENCHER) + ", " + WAVE_TIMES + " and " + PARALLELISM + " for dashboards";
    }

    private static void write(Path file, String json) throws IOException {
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    }
}
