package dev.loopbench.cli;

import dev.loopbench.benchmarks.ConcurrentRequestsBenchmark;
import dev.loopbench.benchmarks.ForkSettings;
import dev.loopbench.benchmarks.InProcessTarget;
import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.matrix.Cell;
import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.JmhSettings;
import dev.loopbench.matrix.Matrix;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaitStyle;
import dev.loopbench.model.WaveModel;
import dev.loopbench.report.JmhResult;
import dev.loopbench.report.JmhResults;
import dev.loopbench.report.Table;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code run-benchmarks.sh [--quick] [--target URL] [-- JMH-ARGS]}: prints the plan, runs JMH
 * once per {@link Family} (its progress shows as it goes), gathers JMH's JSON into
 * {@code results/<timestamp>/results.json}, prints the summary and draws the charts.
 */
public final class RunCommand {

    record Options(boolean quick, Optional<String> target, List<String> jmhArgs) {}

    private final PrintStream out;
    private final Path resultsRoot;

    RunCommand(PrintStream out, Path resultsRoot) {
        this.out = out;
        this.resultsRoot = resultsRoot;
    }

    static Options parse(List<String> args) throws UsageError {
        boolean quick = false;
        Optional<String> target = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> quick = true;
                case "--target" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("-")) {
                        throw new UsageError("--target needs a URL, such as http://localhost:8080");
                    }
                    target = Optional.of(args.get(++i));
                }
                case "--" -> {
                    return new Options(quick, target, List.copyOf(args.subList(i + 1, args.size())));
                }
                default -> throw new UsageError("unknown option '" + arg + "'");
            }
        }
        return new Options(quick, target, List.of());
    }

    int run(Options options) throws UsageError, IOException, InterruptedException {
        JmhArguments jmh = JmhArguments.parse(options.jmhArgs());
        Optional<String> target = target(options, jmh);
        Matrix matrix = applyOverrides(options.quick() ? Matrix.quick() : Matrix.standard(), jmh);

        out.println("loopbench: " + Jdk.describeRunning());
        Optional<ServerShape> shape;
        if (target.isPresent()) {
            TargetProbe probe = TargetProbe.probe(target.get(), ForkSettings.insecure());
            out.println("loopbench: target " + probe.describe());
            shape = probe.shape();
            if (probe.virtualThreads().isPresent() && !probe.virtualThreads().get()) {
                matrix = dropVirtualThreadHandlers(matrix, "the target says it has no virtual threads");
            }
        } else {
            shape = Optional.empty();
            Handlers.requireLoopbench(matrix.families().stream()
                    .flatMap(family -> family.handlers().stream())
                    .toList());
            if (!Jdk.hasVirtualThreads()) {
                matrix = dropVirtualThreadHandlers(
                        matrix,
                        "Java " + Runtime.version().feature()
                                + " has no virtual threads (JDK 21+ needed; set JAVA_HOME to one)");
            }
        }
        if (matrix.cells() == 0) {
            throw new UsageError("nothing left to run: every handler asked for needs virtual threads");
        }
        matrix = withEffectiveSettings(matrix, jmh);
        printPlan(matrix, target, shape);

        Path runDirectory = RunDirectories.create(resultsRoot, "");
        Path log = runDirectory.resolve("jmh-output.txt");
        List<Path> parts = new ArrayList<>();
        boolean jmhFailed = false;
        for (int f = 0; f < matrix.families().size(); f++) {
            Family family = matrix.families().get(f);
            Path part = runDirectory.resolve("part-" + (f + 1) + ".json");
            List<String> command = jmhCommand(family, jmh, target, part);
            out.println();
            out.println("loopbench: running the " + family.name() + " handlers (" + family.cells() + " cells):");
            out.println("$ " + String.join(" ", command));
            int exit = JmhProcess.run(command, out, log);
            jmhFailed |= exit != 0;
            if (Files.exists(part)) {
                parts.add(part);
            }
        }
        out.println();
        if (parts.isEmpty()) {
            out.println("loopbench: JMH wrote no results; its output is in " + log);
            return 1;
        }
        Path results = runDirectory.resolve("results.json");
        ResultFiles.concatenate(parts, results);
        for (Path part : parts) {
            Files.delete(part);
        }
        List<JmhResult> measured;
        try {
            measured = JmhResults.read(results);
        } catch (JmhResults.UnusableInput e) {
            out.println("loopbench: " + e.getMessage());
            return 1;
        }
        ReportCommand.write(measured, results, runDirectory, out);
        List<String> missing = missingCells(matrix, measured, target);
        if (!missing.isEmpty()) {
            StringBuilder text =
                    new StringBuilder("\nno score (the wave failed or could not start; see jmh-output.txt):\n");
            missing.forEach(cell -> text.append("  ").append(cell).append('\n'));
            out.print(text);
            Files.writeString(
                    runDirectory.resolve("summary.txt"), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        pointLatestAt(runDirectory);
        out.println();
        out.println(
                "loopbench: results in " + runDirectory + "/ (results.json is JMH's own JSON; open index.html for the"
                        + " charts); results/latest points to it");
        return jmhFailed || !missing.isEmpty() ? 1 : 0;
    }

    /** {@code results/latest}: a stable path for scripts and CI to the newest run. */
    private void pointLatestAt(Path runDirectory) {
        Path latest = resultsRoot.resolve("latest");
        try {
            Files.deleteIfExists(latest);
            Files.createSymbolicLink(latest, runDirectory.getFileName());
        } catch (IOException | UnsupportedOperationException e) {
            out.println("loopbench: could not point " + latest + " at the run (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> target(Options options, JmhArguments jmh) throws UsageError {
        Optional<List<String>> fromJmh = jmh.param("target");
        if (fromJmh.isPresent() && options.target().isPresent()) {
            throw new UsageError("give the target once: --target URL or -p target=URL, not both");
        }
        if (fromJmh.isPresent()) {
            if (fromJmh.get().size() != 1) {
                throw new UsageError("one target at a time, got " + fromJmh.get());
            }
            return Optional.of(fromJmh.get().get(0)).filter(url -> !url.isBlank());
        }
        return options.target();
    }

    /**
     * The user's {@code -p} values replace the matrix's: concurrency, delay and event loops in
     * every family (each keeps its own warm-up); a handler list picks handlers, each staying in
     * its family.
     */
    static Matrix applyOverrides(Matrix matrix, JmhArguments jmh) throws UsageError {
        List<Family> families = new ArrayList<>();
        for (Family family : matrix.families()) {
            families.add(new Family(
                    family.name(),
                    family.handlers(),
                    jmh.intParam("concurrency", family.concurrency()),
                    jmh.intParam("delayMs", family.delays()),
                    jmh.intParam("eventLoops", family.eventLoops()),
                    family.settings()));
        }
        Optional<List<String>> handlers = jmh.param("handler");
        if (handlers.isEmpty()) {
            return matrix.withFamilies(families);
        }
        List<Family> picked = new ArrayList<>();
        List<String> unplaced = new ArrayList<>(handlers.get());
        for (Family family : families) {
            List<String> kept =
                    family.handlers().stream().filter(handlers.get()::contains).toList();
            unplaced.removeAll(kept);
            picked.add(family.withHandlers(kept));
        }
        // handlers of the user's own service go with the blocking levels: no guess that they scale to 1000
        picked.set(0, picked.get(0).withHandlers(concat(picked.get(0).handlers(), unplaced)));
        return matrix.withFamilies(
                picked.stream().filter(family -> !family.isEmpty()).toList());
    }

    private Matrix dropVirtualThreadHandlers(Matrix matrix, String why) {
        List<String> dropped = new ArrayList<>();
        matrix.families().forEach(family -> family.handlers().stream()
                .filter(handler -> WaitStyle.needsVirtualThreads(handler))
                .forEach(dropped::add));
        if (!dropped.isEmpty()) {
            out.println("loopbench: skipping " + String.join(", ", new LinkedHashSet<>(dropped)) + ": " + why);
        }
        return matrix.withoutHandlers(handler -> WaitStyle.needsVirtualThreads(handler));
    }

    private void printPlan(Matrix matrix, Optional<String> target, Optional<ServerShape> externalShape) {
        out.println();
        out.printf(
                "loopbench: plan: %d cells on %s%n",
                matrix.cells(), target.map(url -> "target " + url).orElse("the in-process server (W=20, V=E)"));
        for (Family family : matrix.families()) {
            out.printf(
                    "  %s handlers: JMH %s%n",
                    family.name(), String.join(" ", family.settings().jmhArgs()));
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"handler", "N", "D ms", "E", "model wave ms", "est. s"});
        double totalSeconds = 0;
        for (Family family : matrix.families()) {
            for (Cell cell : family.cellList()) {
                Optional<ServerShape> shape =
                        target.isPresent() ? externalShape : Optional.of(InProcessTarget.shapeFor(cell.eventLoops()));
                double model = WaveModel.predictedMillis(cell.handler(), cell.concurrency(), cell.delayMs(), shape);
                double seconds = family.settings().estimateSeconds(model);
                totalSeconds += seconds;
                rows.add(new String[] {
                    cell.handler(),
                    Integer.toString(cell.concurrency()),
                    Integer.toString(cell.delayMs()),
                    target.isPresent() ? "ext" : Integer.toString(cell.eventLoops()),
                    Double.isNaN(model) ? "?" : String.format(Locale.ROOT, "%.0f", model),
                    String.format(Locale.ROOT, "%.0f", seconds)
                });
            }
        }
        out.print(Table.render(rows, "lrrrrr"));
        out.printf(Locale.ROOT, "estimated duration: %.1f min (from the model's wave times)%n", totalSeconds / 60);
    }

    private static Matrix withEffectiveSettings(Matrix matrix, JmhArguments jmh) {
        return matrix.withFamilies(matrix.families().stream()
                .map(family -> family.withSettings(effectiveSettings(family.settings(), jmh)))
                .toList());
    }

    static JmhSettings effectiveSettings(JmhSettings base, JmhArguments jmh) {
        return new JmhSettings(
                jmh.setting("-wi").map(RunCommand::count).orElse(base.warmupIterations()),
                jmh.setting("-w").map(RunCommand::seconds).orElse(base.warmupSeconds()),
                jmh.setting("-i").map(RunCommand::count).orElse(base.measurementIterations()),
                jmh.setting("-r").map(RunCommand::seconds).orElse(base.measurementSeconds()),
                jmh.setting("-f").map(RunCommand::count).orElse(base.forks()));
    }

    private List<String> jmhCommand(Family family, JmhArguments jmh, Optional<String> target, Path part) {
        List<String> command = new ArrayList<>(List.of(Jdk.javaExecutable()));
        if (Runtime.version().feature() >= 23) {
            // JMH 1.37 uses sun.misc.Unsafe, which JDK 23+ warns about in four lines before every run
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", Jdk.selfJar(), ConcurrentRequestsBenchmark.class.getSimpleName()));
        command.addAll(List.of("-p", "handler=" + String.join(",", family.handlers())));
        command.addAll(List.of("-p", "concurrency=" + join(family.concurrency())));
        command.addAll(List.of("-p", "delayMs=" + join(family.delays())));
        command.addAll(List.of("-p", "eventLoops=" + join(family.eventLoops())));
        target.ifPresent(url -> command.addAll(List.of("-p", "target=" + url)));
        List<String> ownSettings = family.settings().jmhArgs();
        for (int i = 0; i < ownSettings.size(); i += 2) {
            if (!jmh.settingsGiven().contains(ownSettings.get(i))) {
                command.addAll(ownSettings.subList(i, i + 2));
            }
        }
        command.addAll(List.of("-prof", WaveProfiler.class.getName(), "-rf", "json", "-rff", part.toString()));
        command.addAll(jmh.passThrough());
        return command;
    }

    private static List<String> missingCells(Matrix matrix, List<JmhResult> measured, Optional<String> target) {
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

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min)?");

    private static int seconds(String duration) {
        Matcher matcher = DURATION.matcher(duration.strip());
        if (!matcher.matches()) {
            return 1;
        }
        long value = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return (int) Math.max(
                1,
                switch (unit) {
                    case "ms" -> (value + 999) / 1000;
                    case "m", "min" -> value * 60;
                    default -> value;
                });
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> joined = new ArrayList<>(first);
        joined.addAll(second);
        return joined;
    }
}
