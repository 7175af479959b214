package dev.loopbench.report;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaveModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What index.html draws, as the JSON its script reads: every line of the charts with each cell's
 * figures (the same ones the summary prints, from the same methods), and each table row's latency
 * log and percentile spectra. The page computes nothing of the model; every model value is
 * {@link WaveModel}'s, through {@link ControlTimes} and {@link WaveLines}.
 */
final class PageData {

    /** The zero-delay control's look: grey and dashed, so that nobody reads it as a handler. */
    static final String CONTROL_COLOUR = "#7f7f7f";

    private PageData() {}

    /**
     * @param page where index.html goes: the log links are relative to it
     */
    static JsonObject of(List<JmhResult> results, CellLatencies latencies, Path page) {
        ControlTimes controls = ControlTimes.of(results);
        boolean oneDelayBesideControl = results.stream()
                        .filter(result -> !ControlTimes.isControl(result))
                        .map(result -> result.param("delayMs"))
                        .distinct()
                        .count()
                <= 1;
        JsonArray lines = new JsonArray();
        for (RunCharts.Drawn drawn : RunCharts.thickestFirst(results)) {
            WaveLines.Line line = drawn.line();
            boolean control = line.cells().stream().allMatch(ControlTimes::isControl);
            JsonArray cells = new JsonArray();
            line.cells().forEach(cell -> cells.add(cell(cell, controls, latencies, control)));
            lines.add(new JsonObject()
                    .put("name", name(line, control, oneDelayBesideControl))
                    .put("handler", line.handler())
                    .put("colour", control ? CONTROL_COLOUR : hex(drawn.look().colour()))
                    .put("width", drawn.look().lineWidth())
                    .put("control", control)
                    .put("holdsLoop", holdsTheLoop(line.handler()))
                    .put("cells", cells));
        }
        JsonArray rows = new JsonArray();
        for (JmhResult result : Summary.ordered(results)) {
            rows.add(row(result, latencies, page));
        }
        return new JsonObject().put("lines", lines).put("rows", rows);
    }

    /**
     * The line's name in the legends. WaveLines names each line's delay when a run has several, and
     * the control alone makes two; then "D=100" on every handler says nothing, and the control is
     * named for what it is.
     */
    private static String name(WaveLines.Line line, boolean control, boolean oneDelayBesideControl) {
        String delay = " D=" + line.cells().get(0).param("delayMs");
        if (control) {
            return line.name().replace(delay, "") + " ms=0 (control)";
        }
        return oneDelayBesideControl ? line.name().replace(delay, "") : line.name();
    }

    private static JsonObject cell(JmhResult cell, ControlTimes controls, CellLatencies latencies, boolean control) {
        double score = cell.primary().score();
        JsonObject json = new JsonObject()
                .put("n", WaveLines.concurrency(cell))
                .put("scoreMs", finite(score))
                .put("errorMs", finite(cell.primary().error()))
                .put("p", finite(WaveLines.parallelism(cell, score)))
                .put("loopLagMaxMs", finite(cell.secondaryScore(WaveProfiler.EVENT_LOOP_LAG_MAX)));
        if (!control) { // the control's model is its own score
            json.put("modelMs", finite(controls.model(cell)))
                    .put("modelP", finite(WaveLines.parallelism(cell, controls.model(cell))));
        }
        latencies.of(cell).bystanders().ifPresent(bystanders -> json.put("bystanderP50Ms", finite(bystanders.p50()))
                .put("bystanderP99Ms", finite(bystanders.p99())));
        bystanderModel(cell).ifPresent(model -> json.put("bystanderModelMs", model));
        return json;
    }

    /** ceil(N / E) x D for a loopbench handler that holds its loop, on an in-process server whose E is known. */
    static Optional<Double> bystanderModel(JmhResult cell) {
        Optional<HandlerStyle> style = HandlerStyle.fromPath(String.valueOf(cell.param("handler")));
        boolean inProcess = cell.param("target") == null || cell.param("target").isBlank();
        double n = WaveLines.concurrency(cell);
        double d = WaveLines.number(cell.param("delayMs"));
        double e = WaveLines.number(cell.param("eventLoops"));
        if (style.isEmpty() || !style.get().holdsTheEventLoop() || !inProcess || !(n >= 1 && d >= 0 && e >= 1)) {
            return Optional.empty();
        }
        return Optional.of(
                WaveModel.bystanderWaitMillis(style.get(), (int) n, d, ServerShape.withDefaultPools((int) e)));
    }

    private static JsonObject row(JmhResult result, CellLatencies latencies, Path page) {
        JsonObject row = new JsonObject();
        if (!WaveLines.isWave(result)) {
            return row;
        }
        latencies.log(result).ifPresent(log -> {
            row.put("cell", log.getFileName().toString());
            if (Files.isRegularFile(log)) {
                row.put("log", relative(page, log));
            }
        });
        latencies.merged(result).ifPresent(merged -> {
            JsonObject spectra = new JsonObject();
            if (merged.requests().getTotalCount() > 0) {
                spectra.put("requests", Spectrum.of(merged.requests()));
            }
            if (merged.bystanders().getTotalCount() > 0) {
                spectra.put("bystanders", Spectrum.of(merged.bystanders()));
            }
            row.put("spectra", spectra);
        });
        return row;
    }

    private static boolean holdsTheLoop(String handler) {
        return HandlerStyle.fromPath(handler)
                .map(HandlerStyle::holdsTheEventLoop)
                .orElse(false);
    }

    /** A link from the page to a file, with forward slashes whatever the platform. */
    private static String relative(Path page, Path file) {
        Path from = page.toAbsolutePath().getParent();
        return from.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    }

    static String hex(Color colour) {
        return String.format("#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    /** JSON has no NaN. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
