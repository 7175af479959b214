package dev.loopbench.cli;

import dev.loopbench.benchmarks.CellUnusable;
import dev.loopbench.benchmarks.ExternalTarget;
import dev.loopbench.benchmarks.InProcessTarget;
import dev.loopbench.benchmarks.Target;
import dev.loopbench.matrix.Matrix;
import dev.loopbench.model.WaitStyle;
import dev.loopbench.render.ChartFailure;
import dev.loopbench.render.ChartStyle;
import dev.loopbench.render.HtmlReport;
import dev.loopbench.timeline.TextTimeline;
import dev.loopbench.timeline.TimelineChart;
import dev.loopbench.timeline.TimelineRecorder;
import dev.loopbench.timeline.WaveTrace;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code run-benchmarks.sh timeline [--concurrency N] [--ms D] [--target URL] [--handlers a,b]
 * [--event-loops E] [--width COLUMNS]}: one warm wave per handler, drawn request by request.
 */
final class TimelineCommand {

    record Options(
            int concurrency, int delayMs, Optional<String> target, List<String> handlers, int eventLoops, int width) {}

    private TimelineCommand() {}

    static Options parse(List<String> args) throws UsageError {
        int concurrency = 8;
        int delay = 100;
        int eventLoops = Matrix.EVENT_LOOPS;
        int width = 80;
        Optional<String> target = Optional.empty();
        List<String> handlers =
                Arrays.stream(WaitStyle.values()).map(WaitStyle::path).toList();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (arg) {
                case "--concurrency" -> concurrency = integer(arg, value, 1, 1000);
                case "--ms" -> delay = integer(arg, value, 0, 10_000);
                case "--event-loops" -> eventLoops = integer(arg, value, 1, 64);
                case "--width" -> width = integer(arg, value, 40, 400);
                case "--target" -> target = Optional.of(required(arg, value));
                case "--handlers" ->
                    handlers = Arrays.stream(required(arg, value).split(","))
                            .map(String::strip)
                            .filter(handler -> !handler.isEmpty())
                            .toList();
                default -> throw new UsageError("unknown option '" + arg + "' for timeline");
            }
            i++;
        }
        if (handlers.isEmpty()) {
            throw new UsageError("--handlers needs at least one handler, e.g. event-loop-sleep,timer");
        }
        if (target.isEmpty()) {
            Handlers.requireLoopbench(handlers);
        }
        return new Options(concurrency, delay, target, handlers, eventLoops, width);
    }

    static int run(Options options, PrintStream out, Path resultsRoot) throws Exception {
        List<String> handlers = new ArrayList<>(options.handlers());
        String where;
        List<WaveTrace> waves = new ArrayList<>();
        try (Target target = start(options)) {
            where = target instanceof InProcessTarget
                    ? "the in-process server, " + target.shape().orElseThrow()
                    : "target " + target.baseUrl()
                            + target.shape().map(shape -> ", " + shape).orElse(", lanes unknown");
            if (!target.virtualThreads().orElse(true)) {
                List<String> skipped = handlers.stream()
                        .filter(h -> WaitStyle.needsVirtualThreads(h))
                        .toList();
                if (!skipped.isEmpty()) {
                    out.println("loopbench: skipping " + String.join(", ", skipped) + ": "
                            + (target instanceof InProcessTarget in
                                    ? in.virtualThreadsUnavailableReason()
                                    : "the target says it has no virtual threads"));
                    handlers.removeAll(skipped);
                }
            }
            for (String handler : handlers) {
                out.println("loopbench: recording a warm wave of " + handler + " ...");
                waves.add(TimelineRecorder.record(target, handler, options.concurrency(), options.delayMs()));
            }
        }
        if (waves.isEmpty()) {
            throw new UsageError("nothing to draw: every handler asked for needs virtual threads");
        }
        String header = String.format(
                Locale.ROOT,
                "Timeline: %d requests of %d ms at once per handler, on %s.%s",
                options.concurrency(),
                options.delayMs(),
                where,
                options.target().isPresent()
                        ? " Server times are on the server's clock, 0 = the first request it received."
                        : "");
        String text = TextTimeline.render(waves, header, options.width());
        out.println();
        out.print(text);

        Path directory = RunDirectories.create(resultsRoot, "-timeline");
        Files.writeString(
                directory.resolve("timeline.txt"),
                TextTimeline.render(waves, header, TextTimeline.FILE_WIDTH),
                StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("timeline.json"), json(waves).encodePrettily(), StandardCharsets.UTF_8);
        List<HtmlReport.Section> sections = new ArrayList<>();
        double scale = waves.stream().mapToDouble(WaveTrace::millis).max().orElse(1);
        for (WaveTrace wave : waves) {
            String name = "timeline-" + wave.handler().replaceAll("[^A-Za-z0-9-]", "_");
            try {
                ChartStyle.save(TimelineChart.of(wave, scale), directory.resolve(name));
                sections.add(new HtmlReport.Section(
                        wave.handler(), explanation(wave), HtmlReport.image(name, wave.handler() + " timeline")));
            } catch (IOException | RuntimeException | Error e) {
                sections.add(new HtmlReport.Section(
                        wave.handler(), "no chart: " + HtmlReport.escape(ChartFailure.describe(e)), ""));
                out.println("loopbench: no chart for " + wave.handler() + ": " + ChartFailure.describe(e));
            }
        }
        sections.add(new HtmlReport.Section(
                "As text", "", HtmlReport.preformatted(TextTimeline.render(waves, header, TextTimeline.FILE_WIDTH))));
        HtmlReport.write(
                directory.resolve("index.html"), "loopbench: the blocking, request by request", header, sections);
        out.println();
        out.println("loopbench: charts, timeline.json and index.html in " + directory + "/");
        return 0;
    }

    private static Target start(Options options) throws Exception {
        if (options.target().isPresent()) {
            try {
                return ExternalTarget.connect(
                        options.target().get(), options.handlers().get(0), 0);
            } catch (CellUnusable e) {
                throw new UsageError(e.getMessage());
            }
        }
        return InProcessTarget.start(options.eventLoops());
    }

    private static String explanation(WaveTrace wave) {
        return "Each row is one request, in the order the server started its wait. Grey: between client and server (in"
                + " flight, or unread in the socket while the event loop is busy); orange: queued in the server; coloured:"
                + " the wait itself, one colour per thread. The dashed line is the model's wave time.";
    }

    private static JsonObject json(List<WaveTrace> waves) {
        JsonArray array = new JsonArray();
        for (WaveTrace wave : waves) {
            JsonArray requests = new JsonArray();
            wave.byStart()
                    .forEach(r -> requests.add(new JsonObject()
                            .put("request", r.index())
                            .put("sentMs", r.sent())
                            .put("receivedMs", finite(r.received()))
                            .put("startedMs", finite(r.started()))
                            .put("finishedMs", finite(r.finished()))
                            .put("answeredMs", r.answered())
                            .put("thread", r.thread())));
            array.add(new JsonObject()
                    .put("handler", wave.handler())
                    .put("concurrency", wave.concurrency())
                    .put("delayMs", wave.delayMs())
                    .put("server", wave.serverShape())
                    .put("predictedMs", finite(wave.predictedMillis()))
                    .put("measuredMs", wave.millis())
                    .put("sameClock", wave.sameClock())
                    .put("requests", requests));
        }
        return new JsonObject().put("waves", array);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String required(String option, String value) throws UsageError {
        if (value == null || value.startsWith("--")) {
            throw new UsageError(option + " needs a value");
        }
        return value;
    }

    private static int integer(String option, String value, int min, int max) throws UsageError {
        String given = required(option, value);
        try {
            int parsed = Integer.parseInt(given);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(option + " must be a whole number from " + min + " to " + max + ", got '" + given + "'");
    }
}
