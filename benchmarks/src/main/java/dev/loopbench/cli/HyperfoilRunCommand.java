package dev.loopbench.cli;

import dev.loopbench.hyperfoil.HyperfoilProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "run",
        customSynopsis = "./run-benchmarks.sh hyperfoil run FILE.hf.yaml [--json OUT]",
        description = "Runs a Hyperfoil benchmark file here, in-VM (Hyperfoil's local runner, in a JVM of its own),"
                + " and prints requests, errors, p50, p99 and max per phase as loopbench's table.",
        footer = "Exit 0: every request answered 2xx; 1: the run measured failures; 2: unusable file or options.")
final class HyperfoilRunCommand extends LoopbenchCommand {

    @Parameters(paramLabel = "FILE.hf.yaml", description = "a file from hyperfoil export, or any Hyperfoil benchmark")
    Path file;

    @Option(
            names = "--json",
            paramLabel = "OUT",
            description = "where the statistics go as JSON (default: FILE.stats.json beside the file)")
    Path json;

    HyperfoilRunCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageError, IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new UsageError(file + ": no such file");
        }
        Path statistics = json != null ? json : HyperfoilProcess.statisticsFile(file);
        return HyperfoilProcess.run(file, statistics, context.out(), context.err());
    }
}
