package dev.loopbench.open;

import dev.loopbench.client.CellUnusable;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.targets.ExternalTarget;
import dev.loopbench.targets.InProcessTarget;
import dev.loopbench.targets.Target;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./run-benchmarks.sh open}: every (handler, rate) cell in turn, a table row as each
 * finishes, then {@code open.json}, one {@code .hlog} per cell and the charts in the run's directory.
 *
 * <p>Exit codes: 0 when every cell ran, beyond lambda_max or not (a knee is a finding, not an
 * error); 2 for options it cannot use and for a target that does not answer; 1 when a cell could
 * not run.
 */
public final class OpenRun {

    private OpenRun() {}

    /**
     * @param runDirectory where the results go, e.g. {@code results/<timestamp>-open}; created only
     *     once a cell has run, so that a refused run leaves nothing behind
     * @return the exit code
     */
    public static int run(OpenOptions options, Path runDirectory, PrintStream out, PrintStream err) throws Exception {
        try {
            options.validate();
        } catch (IllegalArgumentException e) {
            err.println("loopbench: " + e.getMessage());
            return 2;
        }
        List<OpenCell> cells = new ArrayList<>();
        int failedCells = 0;
        RunConditions conditions;
        Target target;
        try {
            target = connect(options);
        } catch (CellUnusable e) {
            err.println("loopbench: " + e.getMessage());
            return 2;
        }
        try (target) {
            List<String> handlers = runnableHandlers(options.handlers(), target, out);
            if (handlers.isEmpty()) {
                err.println("loopbench: nothing to run: every handler asked for needs virtual threads");
                return 2;
            }
            List<CellPlan> plan = CellPlan.of(options, handlers, target);
            conditions = RunConditions.start(target);
            out.println(describe(options, target, plan, conditions));
            out.println();
            warmUpTheJit(options, target, out);
            out.println(OpenTable.header());
            for (CellPlan cell : plan) {
                try {
                    OpenCell measured = OpenCell.of(
                            cell.handler(),
                            options.delayMs(),
                            cell.lambdaMax(),
                            OpenLoad.run(cell.settings(options, target)));
                    cells.add(measured);
                    OpenTable.lines(measured).forEach(out::println);
                } catch (RuntimeException e) {
                    failedCells++;
                    out.println("loopbench: " + cell.handler() + " at " + OpenTable.number(cell.rate())
                            + "/s could not run: " + (e instanceof CellUnusable ? e.getMessage() : e.toString()));
                }
            }
        }
        if (!cells.isEmpty()) {
            OpenFiles.write(runDirectory, options, conditions.finish(), cells, out);
        }
        if (failedCells > 0) {
            err.println("loopbench: " + failedCells + " of " + (failedCells + cells.size()) + " cells could not run");
            return 1;
        }
        return 0;
    }

    /**
     * Before the first cell, for a loopbench server: compiled code in client and server. The first
     * cell of a fresh JVM fell 3 s behind its schedule (timer at 500/s, load average 10), the same
     * cell right after it 0.07 s; a cell's own warm-up is at its own rate, which for the blocking
     * handlers is a few requests a second, too few for the JIT. {@code /timer?ms=0} answers at
     * once, so it warms the paths every handler shares without queueing anywhere. Another server
     * is left alone: what its handlers do with {@code ms=0} is not known. No warm-up asked for
     * (0 s), none here either.
     */
    private static void warmUpTheJit(OpenOptions options, Target target, PrintStream out) throws InterruptedException {
        if (target.shape().isEmpty() || options.warmupSeconds() == 0) {
            return;
        }
        out.println(String.format(
                Locale.ROOT,
                "loopbench: warming up client and server: %d s of GET /timer?ms=0 at %.0f/s, not recorded",
                CellPlan.JIT_WARMUP.toSeconds(),
                CellPlan.JIT_WARMUP_RATE));
        out.println();
        OpenLoad.run(CellPlan.jitWarmup(target));
    }

    private static Target connect(OpenOptions options) throws Exception {
        if (options.target().isEmpty()) {
            return InProcessTarget.start(options.eventLoops());
        }
        String probed = options.handlers().stream()
                .filter(handler -> !HandlerStyle.needsVirtualThreads(handler))
                .findFirst()
                .orElse(options.handlers().get(0)); // a loopbench server on an older JDK answers those with 501
        return ExternalTarget.connect(options.target().get(), probed, 0);
    }

    private static List<String> runnableHandlers(List<String> asked, Target target, PrintStream out) {
        if (target.virtualThreads().orElse(true)) {
            return asked;
        }
        List<String> skipped =
                asked.stream().filter(HandlerStyle::needsVirtualThreads).toList();
        if (!skipped.isEmpty()) {
            out.println("loopbench: skipping " + String.join(", ", skipped) + ": "
                    + (target instanceof InProcessTarget in
                            ? in.virtualThreadsUnavailableReason()
                            : "the target says it has no virtual threads"));
        }
        return asked.stream().filter(handler -> !skipped.contains(handler)).toList();
    }

    private static String describe(OpenOptions options, Target target, List<CellPlan> plan, RunConditions conditions) {
        String server = target instanceof InProcessTarget
                ? "the in-process server, " + target.shape().orElseThrow()
                : target.baseUrl()
                        + target.shape()
                                .map(shape -> ", a loopbench server, " + shape)
                                .orElse(", lanes unknown");
        return String.format(
                Locale.ROOT,
                "Open-loop load on %s: D = %d ms, %s arrivals, per cell %d s warm-up + %d s measured; %d cells,"
                        + " about %.0f s.%nLatency counts from each request's scheduled send time."
                        + " lambda_max = L / D, the model's saturation rate. Load average %.2f on %d cores.",
                server,
                options.delayMs(),
                options.poisson() ? "Poisson" : "constant",
                options.warmupSeconds(),
                options.durationSeconds(),
                plan.size(),
                CellPlan.estimatedSeconds(options, plan),
                conditions.loadAverageStart(),
                conditions.cores());
    }
}
