package dev.loopbench.cli;

import dev.loopbench.client.CellUnusable;
import dev.loopbench.matrix.Matrix;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.targets.ExternalTarget;
import dev.loopbench.targets.InProcessTarget;
import dev.loopbench.targets.Target;
import dev.loopbench.timeline.TextTimeline;
import dev.loopbench.timeline.TimelineFolder;
import dev.loopbench.timeline.TimelineRecorder;
import dev.loopbench.timeline.WaveTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run-benchmarks.sh timeline [options]}: one warm wave per handler, drawn request by request. */
@Command(
        name = "timeline",
        description = "one warm wave per handler, drawn request by request: when each was sent, received, queued,"
                + " waiting and answered, on which thread. Printed as text and written as Gantt charts,"
                + " timeline.json and index.html to results/<timestamp>-timeline/.")
final class TimelineCommand extends LoopbenchCommand {

    /** Narrower, a bar has too few columns to show a staircase. */
    private static final int MIN_WIDTH = 40;

    /** Wider than any terminal. */
    private static final int MAX_WIDTH = 400;

    private static final int MAX_CONCURRENCY = 1000;

    private static final int MAX_EVENT_LOOPS = 64;

    @Option(names = "--concurrency", paramLabel = "N", description = "requests per wave; default ${DEFAULT-VALUE}")
    int concurrency = 8;

    @Option(names = "--ms", paramLabel = "D", description = "the wait of each request in ms; default ${DEFAULT-VALUE}")
    int delayMs = Matrix.DELAY_MS;

    @Option(names = "--target", paramLabel = "URL", description = "draw a running server instead of the in-process one")
    String target;

    @Mixin
    InsecureOption tls;

    @Option(
            names = "--handlers",
            paramLabel = "a,b",
            split = ",",
            hideParamSyntax = true,
            description = "the handlers to draw, in this order; default every loopbench handler")
    List<String> handlers =
            Arrays.stream(HandlerStyle.values()).map(HandlerStyle::path).toList();

    @Option(
            names = "--event-loops",
            paramLabel = "E",
            description = "E of the in-process server; default ${DEFAULT-VALUE}")
    int eventLoops = Matrix.EVENT_LOOPS;

    @Option(
            names = "--width",
            paramLabel = "COLUMNS",
            description = "width of the printed timeline; default the terminal's (COLUMNS), else 80")
    Integer width;

    @Option(
            names = "--bystander",
            paramLabel = "PATH",
            description = "a cheap path sent during each wave on connections of its own, drawn as rows b1, b2, ...;"
                    + " default health for loopbench, none for another server; empty: none")
    String bystander;

    TimelineCommand(CommandContext context) {
        super(context);
    }

    /** loopbench's /health unless told otherwise; another server's cheap path is for its user to name. */
    private Optional<String> bystander(Target server) {
        if (bystander != null) {
            return Optional.of(bystander.strip()).filter(path -> !path.isEmpty());
        }
        return server.shape().isPresent() ? Optional.of("health") : Optional.empty();
    }

    @Override
    public Integer call() throws Exception {
        List<String> asked = checkedHandlers();
        int columns =
                UsageErrors.inRange(spec, "--width", width != null ? width : terminalWidth(), MIN_WIDTH, MAX_WIDTH);
        List<WaveTrace> waves = new ArrayList<>();
        String where;
        try (Target server = start(asked.get(0))) {
            where = server instanceof InProcessTarget
                    ? "the in-process server, " + server.shape().orElseThrow()
                    : "target " + server.baseUrl()
                            + server.shape().map(shape -> ", " + shape).orElse(", lanes unknown");
            for (String handler : withoutUnservable(asked, server)) {
                context.out().println("loopbench: recording a warm wave of " + handler + " ...");
                waves.add(TimelineRecorder.record(server, handler, concurrency, delayMs, bystander(server)));
            }
        }
        if (waves.isEmpty()) {
            throw new UsageError("nothing to draw: every handler asked for needs virtual threads");
        }
        String header = String.format(
                Locale.ROOT,
                "Timeline: %d requests of %d ms at once per handler, on %s.%s",
                concurrency,
                delayMs,
                where,
                target != null ? " Server times are on the server's clock, 0 = the first request it received." : "");
        String fileText = TextTimeline.render(waves, header, TextTimeline.FILE_WIDTH);
        context.out().println();
        context.out()
                .print(columns == TextTimeline.FILE_WIDTH ? fileText : TextTimeline.render(waves, header, columns));
        Path directory = RunDirectories.create(context.resultsRoot(), "-timeline");
        TimelineFolder.write(waves, header, fileText, directory)
                .forEach(failure -> context.out().println("loopbench: " + failure));
        context.out().println();
        context.out().println("loopbench: charts, timeline.json and index.html in " + directory + "/");
        return 0;
    }

    private List<String> checkedHandlers() throws UsageError {
        UsageErrors.inRange(spec, "--concurrency", concurrency, 1, MAX_CONCURRENCY);
        UsageErrors.inRange(spec, "--ms", delayMs, 0, HandlerStyle.MAX_DELAY_MS);
        UsageErrors.inRange(spec, "--event-loops", eventLoops, 1, MAX_EVENT_LOOPS);
        List<String> asked = handlers.stream()
                .map(String::strip)
                .filter(handler -> !handler.isEmpty())
                .toList();
        if (asked.isEmpty()) {
            throw UsageErrors.badOption(spec, "--handlers needs at least one handler, e.g. event-loop-sleep,timer");
        }
        if (target == null) {
            Handlers.requireLoopbench(asked);
        }
        return asked;
    }

    private List<String> withoutUnservable(List<String> asked, Target server) {
        if (server.virtualThreads().orElse(true)) {
            return asked;
        }
        List<String> skipped =
                asked.stream().filter(HandlerStyle::needsVirtualThreads).toList();
        if (!skipped.isEmpty()) {
            context.out()
                    .println("loopbench: skipping " + String.join(", ", skipped) + ": "
                            + (server instanceof InProcessTarget in
                                    ? in.virtualThreadsUnavailableReason()
                                    : "the target says it has no virtual threads"));
        }
        return asked.stream().filter(handler -> !skipped.contains(handler)).toList();
    }

    private Target start(String firstHandler) throws Exception {
        tls.applyHere();
        if (target == null) {
            return InProcessTarget.start(eventLoops);
        }
        try {
            return ExternalTarget.connect(target, firstHandler, 0);
        } catch (CellUnusable e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** {@code run-benchmarks.sh} exports COLUMNS when it prints to a terminal. */
    private static int terminalWidth() {
        try {
            return Math.max(
                    MIN_WIDTH,
                    Math.min(
                            MAX_WIDTH, Integer.parseInt(System.getenv("COLUMNS").strip())));
        } catch (RuntimeException unsetOrNotANumber) {
            return TextTimeline.FILE_WIDTH;
        }
    }
}
