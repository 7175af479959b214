package dev.loopbench.open;

import dev.loopbench.benchmarks.LatencyLog;
import dev.loopbench.render.ChartFailure;
import dev.loopbench.render.ChartStyle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.XYChart;

/**
 * An open run's directory: {@code open.json}, {@code latency/<cell>.hlog} (one interval per
 * second of the schedule), and per handler {@code open-<handler>} (latency against rate) and
 * {@code spectrum-<handler>} (percentiles), each as PNG and SVG.
 */
final class OpenFiles {

    static final String HLOG_COMMENT = "loopbench open: latency in nanoseconds from each request's scheduled send"
            + " time; one interval per second of the schedule, holding the requests due in it";

    private OpenFiles() {}

    static void write(
            Path directory, OpenOptions options, RunConditions conditions, List<OpenCell> cells, PrintStream out)
            throws IOException {
        Files.createDirectories(directory);
        Files.writeString(
                directory.resolve("open.json"),
                OpenJson.of(options, conditions, cells).encodePrettily(),
                StandardCharsets.UTF_8);
        for (OpenCell cell : cells) {
            try (LatencyLog log = LatencyLog.create(
                    directory.resolve(hlogPath(cell)), HLOG_COMMENT, cell.measuredStartEpochMillis())) {
                for (Histogram interval : cell.intervals()) {
                    log.write(interval);
                }
            }
        }
        Map<String, List<OpenCell>> byHandler = new LinkedHashMap<>();
        cells.forEach(cell -> byHandler
                .computeIfAbsent(cell.handler(), handler -> new ArrayList<>())
                .add(cell));
        byHandler.forEach((handler, handlerCells) -> {
            String name = handler.replaceAll("[^A-Za-z0-9._-]", "_");
            save(() -> RateChart.of(handlerCells), directory.resolve("open-" + name), out);
            save(() -> SpectrumChart.of(handlerCells), directory.resolve("spectrum-" + name), out);
        });
        out.println();
        out.println("loopbench: open.json, latency/*.hlog and charts in " + directory + "/");
    }

    static String hlogPath(OpenCell cell) {
        return "latency/" + cell.fileName() + ".hlog";
    }

    /** A chart that cannot be drawn (no fonts on a headless box) costs its picture, never the run. */
    private static void save(Supplier<XYChart> chart, Path withoutExtension, PrintStream out) {
        try {
            ChartStyle.save(chart.get(), withoutExtension);
        } catch (IOException | RuntimeException | Error e) {
            out.println("loopbench: no chart " + withoutExtension.getFileName() + ": " + ChartFailure.describe(e));
        }
    }
}
