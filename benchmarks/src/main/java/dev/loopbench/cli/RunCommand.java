package dev.loopbench.cli;

import dev.loopbench.benchmarks.ConcurrentRequestsBenchmark;
import dev.loopbench.benchmarks.ForkSettings;
import dev.loopbench.history.RunMetadata;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import dev.loopbench.matrix.Cell;
import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.JmhSettings;
import dev.loopbench.matrix.Matrix;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaveModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The top level of {@code run-benchmarks.sh}: prints the plan, runs JMH once per {@link Family}
 * (its progress shows as it goes), gathers JMH's JSON into {@code results/<timestamp>/results.json},
 * prints the summary and writes the rest of the results folder.
 */
@Command(
        name = "./run-benchmarks.sh",
        customSynopsis = {
            "./run-benchmarks.sh [--quick] [--target URL] [-- JMH-ARGS...]",
            "       ./run-benchmarks.sh COMMAND [OPTIONS]     (the commands are listed below)",
            "       ./run-benchmarks.sh [COMMAND] --help"
        },
        // the description is built from the matrix itself: see description()
        footer = {
            "It prints the plan with an estimated duration, JMH's progress, then a table per cell (measured,"
                    + " model, effective parallelism, p99) and writes results/<timestamp>/ with JMH's results.json,"
                    + " run.json (start time, commit, machine), summary.txt, jmh-output.txt, charts (PNG and SVG), index.html, and bmf.json and"
                    + " github-action-benchmark*.json for dashboards; results/latest points to the newest run."
                    + " Exit 0: every cell has a score; 1: a cell has none, or JMH failed; 2: unusable options.",
            "",
            "Java: $JAVA_HOME/bin/java if JAVA_HOME is set, else java on the PATH; if that is older than 21 and"
                    + " a JDK 21+ is installed beside it, that one (virtual threads need 21+; on an older JDK the"
                    + " virtual-thread handlers are skipped, saying so). The jars are built with Maven when missing"
                    + " or older than the sources."
        })
final class RunCommand extends LoopbenchCommand {

    @Option(names = "--quick", description = "the same matrix, smaller and shorter: about 2 minutes")
    boolean quick;

    @Option(
            names = "--plan",
            description = "print the plan (every cell, its JMH settings, the estimated duration) and stop"
                    + " before anything runs")
    boolean planOnly;

    @Option(
            names = "--target",
            paramLabel = "URL",
            description = "measure a running server instead; it must answer"
                    + " GET URL/<handler>?ms=<D>. A loopbench server's /health lets the model predict; for any other"
                    + " server the summary shows its effective parallelism P = N x D / T")
    String target;

    @Mixin
    InsecureOption tls;

    @Parameters(
            paramLabel = "-- JMH-ARGS",
            description = "after --, passed to JMH, e.g. -- -p concurrency=8,32 or -- -p handler=timer -prof gc;"
                    + " -p handler/concurrency/delayMs/eventLoops replace the matrix's values, -wi -w -i -r -f its"
                    + " settings; -rf/-rff/-bm/-tu are refused (the summary reads JSON in ms/op)")
    List<String> jmhArgs = new ArrayList<>();

    RunCommand(CommandContext context) {
        super(context);
    }

    /**
     * What {@code --help} says a run does, read from {@link Matrix#standard()} and its control, so
     * that the help cannot disagree with what runs.
     */
    static String[] description() {
        Matrix standard = Matrix.standard().withControl(Matrix.STANDARD_CONTROL);
        List<String> parts = new ArrayList<>();
        for (Family family : standard.families()) {
            parts.add(
                    family.name().equals(Matrix.CONTROL)
                            ? "the zero-delay control (" + String.join(", ", family.handlers()) + " at ms=0) at N = "
                                    + levels(family)
                            : "the " + family.name() + " handlers (" + String.join(", ", family.handlers())
                                    + ") at N = " + levels(family));
        }
        return new String[] {
            "Measures what blocking the Vert.x event loop costs: JMH fires waves of N simultaneous requests at"
                    + " handlers that all wait D ms (or burn D ms of CPU), and compares each wave time with the model"
                    + " T(N) = ceil(N / L) x D (L: how many requests the handler can wait for at once).",
            "",
            String.format(
                    Locale.ROOT,
                    "Without options it runs the default matrix, about %.0f minutes by the model's estimate: %s;"
                            + " D = %d ms, an in-process server with E = %d event loops (%s), and bystanders"
                            + " (GET /%s) during every wave but the control's.",
                    RunPlan.estimatedSeconds(standard) / 60,
                    String.join("; ", parts),
                    Matrix.DELAY_MS,
                    Matrix.EVENT_LOOPS,
                    ServerShape.describeDefaultPools(),
                    ConcurrentRequestsBenchmark.DEFAULT_BYSTANDER)
        };
    }

    private static String levels(Family family) {
        return family.concurrency().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Override
    public Integer call() throws UsageError, IOException, InterruptedException {
        requireJmhArgumentsAfterDashes();
        JmhArguments jmh = JmhArguments.parse(jmhArgs);
        Optional<String> url = target(jmh);
        Matrix matrix = jmh.applyTo(quick ? Matrix.quick() : Matrix.standard());

        context.out().println("loopbench: " + Jdk.describeRunning());
        Optional<ServerShape> shape = Optional.empty();
        if (url.isPresent()) {
            tls.applyHere();
            TargetCheck probe = TargetCheck.probe(url.get(), ForkSettings.insecure());
            context.out().println("loopbench: target " + probe.describe());
            shape = probe.shape();
            if (!probe.virtualThreads().orElse(true)) {
                matrix = withoutVirtualThreadHandlers(matrix, "the target says it has no virtual threads");
            }
        } else {
            Handlers.requireLoopbench(matrix.families().stream()
                    .flatMap(family -> family.handlers().stream())
                    .toList());
            if (!Jdk.hasVirtualThreads()) {
                matrix = withoutVirtualThreadHandlers(
                        matrix,
                        "Java " + Runtime.version().feature()
                                + " has no virtual threads (JDK 21+ needed; set JAVA_HOME to one)");
            }
        }
        if (matrix.cells() == 0) {
            throw new UsageError("nothing left to run: every handler asked for needs virtual threads");
        }
        if (url.isEmpty() || shape.isPresent()) {
            matrix = matrix.withControl(quick ? Matrix.QUICK_CONTROL : Matrix.STANDARD_CONTROL);
        } else {
            context.out()
                    .println(
                            "loopbench: no zero-delay control: the target is not a loopbench server, so it has no"
                                    + " /timer?ms=0 to measure the harness's own time T0 with; the model has no lanes to add it to");
        }
        // the model's wave time sets each cell's iterations; the user's -wi -w -i -r -f still win
        Optional<ServerShape> targetShape = shape;
        matrix = matrix.withEnoughWaves(
                cell -> WaveModel.predictedMillis(
                        cell.handler(),
                        cell.concurrency(),
                        cell.delayMs(),
                        url.isPresent() ? targetShape : Optional.of(ServerShape.withDefaultPools(cell.eventLoops()))),
                quick ? JmhSettings.QUICK_MIN_WAVES : JmhSettings.MIN_WAVES);
        matrix = matrix.withFamilies(matrix.families().stream()
                .map(family -> family.withSettings(jmh.settings(family.settings())))
                .toList());
        RunPlan.print(context.out(), matrix, url, shape);
        if (planOnly) {
            return 0;
        }

        Path runDirectory = RunDirectories.create(context.resultsRoot(), "");
        RunMetadata.here(context.repositoryRoot()).write(runDirectory); // the time the run started
        Map<String, String> forks = new HashMap<>(tls.forForks());
        forks.put(
                ForkSettings.LATENCY_DIRECTORY_VARIABLE,
                runDirectory.resolve("latency").toString());
        FamilyRuns.Outcome outcome =
                FamilyRuns.run(matrix, jmh, url, runDirectory, context.repositoryRoot(), forks, context.out());
        context.out().println();
        if (outcome.results().isEmpty()) {
            context.out()
                    .println("loopbench: JMH wrote no results; its output is in "
                            + runDirectory.resolve("jmh-output.txt"));
            return 1;
        }
        List<JmhResult> measured;
        try {
            measured = JmhResults.read(outcome.results().get());
        } catch (JmhResults.UnusableInput e) {
            context.out().println("loopbench: " + e.getMessage());
            return 1;
        }
        List<String> unscored = unscoredCells(matrix, measured, url);
        ReportCommand.print(
                ResultsFolder.write(measured, outcome.results().get(), runDirectory, unscored), context.out());
        pointLatestAt(runDirectory);
        context.out().println();
        context.out()
                .println("loopbench: results in " + runDirectory + "/ (results.json is JMH's own JSON; open index.html"
                        + " for the charts); results/latest points to it");
        return outcome.jmhFailed() || !unscored.isEmpty() ? 1 : 0;
    }

    /** picocli takes any word as JMH-ARGS; only those after {@code --} are JMH's, anything before it is a typo. */
    private void requireJmhArgumentsAfterDashes() {
        List<String> given = spec.commandLine().getParseResult().originalArgs();
        int dashes = given.indexOf("--");
        int afterDashes = dashes < 0 ? 0 : given.size() - dashes - 1;
        if (jmhArgs.size() > afterDashes) {
            throw UsageErrors.badOption(
                    spec,
                    "unknown argument '" + jmhArgs.get(0) + "'; JMH's arguments go after --, and the" + " commands are "
                            + String.join(", ", spec.subcommands().keySet()));
        }
    }

    private Optional<String> target(JmhArguments jmh) throws UsageError {
        Optional<List<String>> fromJmh = jmh.param("target");
        if (fromJmh.isEmpty()) {
            return Optional.ofNullable(target);
        }
        if (target != null) {
            throw new UsageError("give the target once: --target URL or -p target=URL, not both");
        }
        if (fromJmh.get().size() > 1) {
            throw new UsageError("one target at a time, got " + fromJmh.get());
        }
        return fromJmh.get().stream().findFirst().filter(url -> !url.isBlank());
    }

    private Matrix withoutVirtualThreadHandlers(Matrix matrix, String why) {
        Set<String> dropped = new LinkedHashSet<>();
        matrix.families().forEach(family -> family.handlers().stream()
                .filter(HandlerStyle::needsVirtualThreads)
                .forEach(dropped::add));
        if (!dropped.isEmpty()) {
            context.out().println("loopbench: skipping " + String.join(", ", dropped) + ": " + why);
        }
        return matrix.withoutHandlers(HandlerStyle::needsVirtualThreads);
    }

    /** {@code results/latest}: a stable path for scripts and CI to the newest run. */
    private void pointLatestAt(Path runDirectory) {
        Path latest = context.resultsRoot().resolve("latest");
        try {
            Files.deleteIfExists(latest);
            Files.createSymbolicLink(latest, runDirectory.getFileName());
        } catch (IOException | UnsupportedOperationException e) {
            context.out().println("loopbench: could not point " + latest + " at the run (" + e.getMessage() + ")");
        }
    }

    private static List<String> unscoredCells(Matrix matrix, List<JmhResult> measured, Optional<String> target) {
        Set<Cell> have = new HashSet<>();
        for (JmhResult result : measured) {
            Cell.of(result.params()).ifPresent(have::add);
        }
        List<String> missing = new ArrayList<>();
        for (Family family : matrix.families()) {
            for (Cell cell : family.cellList()) {
                if (!have.contains(cell)) {
                    missing.add(cell.describe()
                            + target.map(url -> ", target=" + url).orElse(""));
                }
            }
        }
        return missing;
    }
}
