package dev.loopbench.cli;

import dev.loopbench.benchmarks.ConcurrentRequestsBenchmark;
import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.ResultFiles;
import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.Matrix;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One JMH run per family of the matrix, their JSON joined into the run's {@code results.json}. */
final class FamilyRuns {

    /**
     * @param results   the joined file; empty when JMH wrote no results at all
     * @param jmhFailed whether any JMH run exited with an error
     */
    record Outcome(Optional<Path> results, boolean jmhFailed) {}

    private FamilyRuns() {}

    /** @param forkEnvironment settings for the benchmark's forked JVMs, see {@code ForkSettings} */
    static Outcome run(
            Matrix matrix,
            JmhArguments jmh,
            Optional<String> target,
            Path runDirectory,
            Path workingDirectory,
            Map<String, String> forkEnvironment,
            PrintStream out)
            throws IOException, InterruptedException {
        Path log = runDirectory.resolve("jmh-output.txt");
        List<Path> parts = new ArrayList<>();
        boolean jmhFailed = false;
        for (int f = 0; f < matrix.families().size(); f++) {
            Family family = matrix.families().get(f);
            Path part = runDirectory.resolve("part-" + (f + 1) + ".json");
            List<String> command = command(family, jmh, target, part);
            out.println();
            out.println("loopbench: running the " + family.name() + " handlers (" + family.cells() + " cells):");
            out.println("$ " + String.join(" ", command));
            jmhFailed |= JmhProcess.run(command, workingDirectory, forkEnvironment, out, log) != 0;
            if (Files.exists(part)) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return new Outcome(Optional.empty(), jmhFailed);
        }
        Path results = runDirectory.resolve("results.json");
        ResultFiles.concatenate(parts, results);
        for (Path part : parts) {
            Files.delete(part);
        }
        return new Outcome(Optional.of(results), jmhFailed);
    }

    private static List<String> command(Family family, JmhArguments jmh, Optional<String> target, Path part) {
        List<String> command = new ArrayList<>(List.of(Jdk.javaExecutable()));
        if (Runtime.version().feature() >= 23) {
            // JMH 1.37 uses sun.misc.Unsafe, which JDK 23+ warns about in four lines before every run
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", Jdk.selfJar()));
        command.addAll(jmhArguments(family, jmh, target, part));
        return command;
    }

    /** What the family's JMH run is given after {@code java -jar benchmarks.jar}. */
    static List<String> jmhArguments(Family family, JmhArguments jmh, Optional<String> target, Path part) {
        List<String> command = new ArrayList<>(List.of(ConcurrentRequestsBenchmark.class.getSimpleName()));
        command.addAll(List.of("-p", "handler=" + String.join(",", family.handlers())));
        command.addAll(List.of("-p", "concurrency=" + join(family.concurrency())));
        command.addAll(List.of("-p", "delayMs=" + join(family.delays())));
        command.addAll(List.of("-p", "eventLoops=" + join(family.eventLoops())));
        target.ifPresent(url -> command.addAll(List.of("-p", "target=" + url)));
        if (!family.sendsBystanders() && jmh.param("bystander").isEmpty()) {
            command.addAll(List.of("-p", "bystander=" + ConcurrentRequestsBenchmark.NO_BYSTANDER));
        }
        List<String> ownSettings = family.settings().jmhArgs();
        for (int i = 0; i < ownSettings.size(); i += 2) {
            if (!jmh.gives(ownSettings.get(i))) {
                command.addAll(ownSettings.subList(i, i + 2));
            }
        }
        command.addAll(List.of("-prof", WaveProfiler.class.getName(), "-rf", "json", "-rff", part.toString()));
        command.addAll(jmh.passThrough());
        return command;
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
