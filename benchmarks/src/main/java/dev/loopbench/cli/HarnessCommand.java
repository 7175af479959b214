package dev.loopbench.cli;

import dev.loopbench.clientcost.ComparisonOptions;
import dev.loopbench.clientcost.HarnessComparison;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "harness",
        customSynopsis = {
            "./run-benchmarks.sh harness [--event-loops E] [--concurrency N1,N2]",
            "       [--warmup-seconds S] [--rounds R] [--waves W] [--wrk-seconds S]",
            "       [--threshold X]"
        },
        description = "What the client costs, held against wrk: starts a loopbench server as a process of its own,"
                + " measures wrk's steady rate on GET /timer?ms=0 with N connections and loopbench's zero-delay"
                + " waves of N, in alternating rounds, and prints loopbench's median wave time against wrk's time for"
                + " N requests, with the CPU each spent. Without wrk (apt-get install wrk) it prints loopbench's own"
                + " figures. Beside them: the Vert.x Web Client's waves, Hyperfoil's, and the bystanders' effect on"
                + " the wave, at ms=0 and at D = 100 ms, each with its 95%% interval. About two minutes.",
        footer = "Exit 0: the ratio is within the threshold (or wrk is missing); 1: it is not; 2: bad options.")
final class HarnessCommand extends LoopbenchCommand {

    /** Each option's default, and the help's ${DEFAULT-VALUE}, come from here. */
    private static final ComparisonOptions DEFAULTS = ComparisonOptions.defaults();

    @Option(
            names = "--event-loops",
            paramLabel = "E",
            description = "E of the server process (default ${DEFAULT-VALUE})")
    int eventLoops = DEFAULTS.eventLoops();

    @Option(
            names = "--concurrency",
            paramLabel = "N1,N2",
            split = ",",
            description = "the wave sizes, and wrk's connections (default 256,1000)")
    List<Integer> concurrencies = DEFAULTS.concurrencies();

    @Option(
            names = "--warmup-seconds",
            paramLabel = "S",
            description = "unmeasured waves per N before its rounds, for the JIT (default ${DEFAULT-VALUE})")
    int warmupSeconds = (int) DEFAULTS.warmup().toSeconds();

    @Option(
            names = "--rounds",
            paramLabel = "R",
            description = "alternating rounds of wrk and waves per N (default ${DEFAULT-VALUE})")
    int rounds = DEFAULTS.rounds();

    @Option(names = "--waves", paramLabel = "W", description = "measured waves per round (default ${DEFAULT-VALUE})")
    int wavesPerRound = DEFAULTS.wavesPerRound();

    @Option(names = "--wrk-seconds", paramLabel = "S", description = "one measured wrk run (default ${DEFAULT-VALUE})")
    int wrkSeconds = (int) DEFAULTS.wrkDuration().toSeconds();

    @Option(
            names = "--threshold",
            paramLabel = "X",
            description = "the ratio to wrk allowed (default ${DEFAULT-VALUE})")
    double threshold = DEFAULTS.threshold();

    @Option(
            names = "--no-hyperfoil",
            description = "skip Hyperfoil's waves (by default timed beside wrk when its jar is built)")
    boolean noHyperfoil;

    HarnessCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageError {
        ComparisonOptions options;
        try {
            options = new ComparisonOptions(
                    eventLoops,
                    concurrencies,
                    Duration.ofSeconds(UsageErrors.inRange(spec, "--warmup-seconds", warmupSeconds, 0, 600)),
                    rounds,
                    wavesPerRound,
                    Duration.ofSeconds(wrkSeconds),
                    DEFAULTS.wrkWarmup(),
                    DEFAULTS.wrkConnections(),
                    DEFAULTS.wrkThreads(),
                    threshold,
                    context.repositoryRoot().resolve(DEFAULTS.serverJar()),
                    DEFAULTS.java(),
                    DEFAULTS.serverJvmOptions(),
                    !noHyperfoil);
        } catch (IllegalArgumentException e) {
            throw UsageErrors.badOption(spec, e.getMessage());
        }
        return new HarnessComparison().run(options, context.out());
    }
}
