package dev.loopbench.cli;

import dev.loopbench.open.OpenOptions;
import dev.loopbench.open.OpenRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "open",
        customSynopsis = {
            "./run-benchmarks.sh open [--handlers a,b] [--rates R1,R2,...]",
            "       [--duration S] [--ms D] [--target URL] [--poisson] [--insecure]"
        },
        description = {
            "Load at a rate instead of in waves: requests leave at their scheduled times (evenly spaced, or"
                    + " --poisson), never waiting for earlier answers, and each one's latency counts from when it was"
                    + " due, so a stalled server is charged for every request it held up (no coordinated omission).",
            "",
            "The model's knee is lambda_max = L / D requests a second; the default rates sit below, near and"
                    + " above each handler's. Prints a row per cell (offered and achieved rate, p50, p99, p99.9, max,"
                    + " errors, timeouts, beyond lambda_max) and writes results/<timestamp>-open/ with open.json, an"
                    + " .hlog per cell, charts and index.html."
        },
        footer = "Exit 0: every cell ran (beyond lambda_max is a finding, not an error); 1: a cell could not run;"
                + " 2: bad options or an unreachable target.")
final class OpenCommand extends LoopbenchCommand {

    @Option(
            names = "--handlers",
            paramLabel = "a,b",
            split = ",",
            description = "paths to load (default: every loopbench handler)")
    List<String> handlers;

    @Option(
            names = "--rates",
            paramLabel = "R1,R2",
            split = ",",
            description = "requests a second (default: each handler's, around its lambda_max)")
    List<Double> rates;

    @Option(
            names = "--duration",
            paramLabel = "S",
            description = "seconds measured per cell, after a warm-up (default ${DEFAULT-VALUE})")
    int durationSeconds = OpenOptions.DEFAULT_DURATION_SECONDS;

    @Option(names = "--ms", paramLabel = "D", description = "sent as ?ms=D (default ${DEFAULT-VALUE})")
    int delayMs = OpenOptions.DEFAULT_DELAY_MS;

    @Option(names = "--target", paramLabel = "URL", description = "load a running server instead of the in-process one")
    String target;

    @Option(names = "--poisson", description = "exponential gaps of the same mean rate instead of even ones")
    boolean poisson;

    @Mixin
    InsecureOption tls;

    OpenCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() throws Exception {
        tls.applyHere();
        OpenOptions options = OpenOptions.fromCommandLine(
                handlers == null ? null : handlers.stream().map(String::strip).toList(),
                rates,
                durationSeconds,
                delayMs,
                Optional.ofNullable(target),
                poisson);
        Path directory = RunDirectories.create(context.resultsRoot(), "-open");
        int exit = OpenRun.run(options, directory, context.out(), context.err());
        removeIfEmpty(directory);
        return exit;
    }

    /** A refused run leaves nothing behind. */
    private static void removeIfEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(directory);
            }
        }
    }
}
