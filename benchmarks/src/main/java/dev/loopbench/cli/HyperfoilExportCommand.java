package dev.loopbench.cli;

import dev.loopbench.hyperfoil.ExportOptions;
import dev.loopbench.hyperfoil.HyperfoilExport;
import dev.loopbench.hyperfoil.Load;
import dev.loopbench.targets.LoopbenchHealth;
import dev.loopbench.targets.ProbeClient;
import dev.loopbench.targets.RequestUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        customSynopsis = {
            "./run-benchmarks.sh hyperfoil export [--target URL] [--handlers a,b]",
            "       [--ms D] [--concurrency N [--waves M] [--warmup-waves W]",
            "       | --rate R [--duration S] [--warmup S] [--poisson]]",
            "       [--threads T] [--out DIR]"
        },
        description = "Writes one Hyperfoil benchmark file per handler: waves of N simultaneous requests (atOnce users,"
                + " one phase iteration per wave), or requests at R per second (constantRate). Each file has an"
                + " agents: section, commented, ready to fill in for a controller with agents on several hosts.",
        footer = "Exit 0: files written; 2: bad options.")
final class HyperfoilExportCommand extends LoopbenchCommand {

    @Option(
            names = "--target",
            paramLabel = "URL",
            defaultValue = ExportOptions.DEFAULT_TARGET,
            description = "the server the files load (default ${DEFAULT-VALUE}); a loopbench server's /health, when"
                    + " reachable now, lets the files show the model's wave time")
    String target;

    @Option(
            names = "--handlers",
            paramLabel = "a,b",
            split = ",",
            description = "paths to load (default: every loopbench handler)")
    List<String> handlers;

    @Option(
            names = "--ms",
            paramLabel = "D",
            defaultValue = "" + ExportOptions.DEFAULT_DELAY_MS,
            description = "sent as ?ms=D (default ${DEFAULT-VALUE})")
    int delayMs;

    @ArgGroup(exclusive = true)
    LoadChoice load = new LoadChoice();

    static final class LoadChoice {
        @ArgGroup(exclusive = false)
        WaveOptions waves;

        @ArgGroup(exclusive = false)
        RateOptions rate;
    }

    static final class WaveOptions {
        @Option(names = "--concurrency", required = true, paramLabel = "N", description = "waves of N requests")
        int concurrency;

        @Option(names = "--waves", paramLabel = "M", defaultValue = "50", description = "measured waves (default 50)")
        int waves;

        @Option(
                names = "--warmup-waves",
                paramLabel = "W",
                defaultValue = "10",
                description = "unmeasured waves first (default 10)")
        int warmupWaves;
    }

    static final class RateOptions {
        @Option(names = "--rate", required = true, paramLabel = "R", description = "R requests per second")
        double perSecond;

        @Option(
                names = "--duration",
                paramLabel = "S",
                defaultValue = "30",
                description = "seconds measured (default 30)")
        int durationSeconds;

        @Option(names = "--warmup", paramLabel = "S", defaultValue = "5", description = "seconds first (default 5)")
        int warmupSeconds;

        @Option(names = "--poisson", description = "exponential gaps of the same mean instead of even ones")
        boolean poisson;
    }

    @Option(
            names = "--threads",
            paramLabel = "T",
            defaultValue = "" + ExportOptions.DEFAULT_THREADS,
            description = "Hyperfoil event loops per agent (default ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "where the files go (default: results/<timestamp>-hyperfoil/)")
    Path out;

    HyperfoilExportCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageError, IOException, InterruptedException {
        ExportOptions options;
        try {
            options = ExportOptions.defaults()
                    .withBaseUrl(RequestUrls.baseUrl(target))
                    .withDelayMs(delayMs)
                    .withThreads(threads)
                    .withLoad(load());
            if (handlers != null) {
                options = options.withHandlers(
                        handlers.stream().map(String::strip).toList());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        Optional<LoopbenchHealth> health = health(options.baseUrl());
        if (health.isPresent()) {
            options = options.withShape(health.get().shape());
            context.out()
                    .println("loopbench: " + options.baseUrl() + " is a loopbench server ("
                            + health.get().shape() + "): the files show the model's wave times");
        }
        Path directory = out != null ? out : RunDirectories.create(context.resultsRoot(), "-hyperfoil");
        Files.createDirectories(directory);
        for (Path file : HyperfoilExport.write(options, directory)) {
            context.out().println("loopbench: wrote " + file);
        }
        context.out()
                .println("loopbench: run one here with ./run-benchmarks.sh hyperfoil run FILE.hf.yaml;"
                        + " on several hosts, see hyperfoil/README.md");
        return 0;
    }

    private Load load() {
        if (load.rate != null) {
            return new Load.ConstantRate(
                    load.rate.perSecond, load.rate.warmupSeconds, load.rate.durationSeconds, load.rate.poisson);
        }
        if (load.waves != null) {
            return new Load.Waves(load.waves.concurrency, load.waves.warmupWaves, load.waves.waves);
        }
        return ExportOptions.DEFAULT_WAVES;
    }

    /** Exporting for another machine is fine: a target that does not answer now just gets no model. */
    private static Optional<LoopbenchHealth> health(String baseUrl) throws InterruptedException {
        try {
            return LoopbenchHealth.read(
                    ProbeClient.client(false, Duration.ofSeconds(2)), baseUrl, Duration.ofSeconds(3));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
