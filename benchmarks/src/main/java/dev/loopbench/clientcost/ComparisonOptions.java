package dev.loopbench.clientcost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The settings of a {@link HarnessComparison}, checked; {@link #defaults} is what {@code harness} runs without options. */
/**
 * @param eventLoops        E of the server process
 * @param concurrencies     the Ns, each a wave of N requests and wrk with N connections
 * @param warmup            how long each N fires unmeasured waves before its first round (at least one
 *     wave, which opens the N connections): the JIT needs some 10 s of waves before a wave of 256
 *     stops shrinking, as JMH's warm-up iterations give the benchmark
 * @param rounds            turns of (one wrk run, {@code wavesPerRound} waves) per N
 * @param wavesPerRound     measured waves per round; the median is over all rounds
 * @param wrkDuration       length of one measured wrk run
 * @param wrkWarmup         an unmeasured wrk run per N before the rounds (zero: none)
 * @param wrkConnections    wrk's connections; 0: N, the wave's own
 * @param wrkThreads        wrk's threads (-t); 1 is the reference
 * @param threshold         the ratio loopbench may cost over wrk
 * @param serverJar         {@code loopbench-server.jar}
 * @param java              the java that runs the server
 * @param serverJvmOptions  JVM options for the server process
 * @param hyperfoil         also time Hyperfoil's waves of each N (its jar built: the hyperfoil module)
 */
public record ComparisonOptions(
        int eventLoops,
        List<Integer> concurrencies,
        Duration warmup,
        int rounds,
        int wavesPerRound,
        Duration wrkDuration,
        Duration wrkWarmup,
        int wrkConnections,
        int wrkThreads,
        double threshold,
        Path serverJar,
        Path java,
        List<String> serverJvmOptions,
        boolean hyperfoil) {

    public ComparisonOptions {
        concurrencies = List.copyOf(concurrencies);
        serverJvmOptions = List.copyOf(serverJvmOptions);
        require(eventLoops >= 1, "event loops must be at least 1");
        require(!concurrencies.isEmpty(), "give at least one N");
        require(concurrencies.stream().allMatch(n -> n >= 1), "every N must be at least 1");
        require(!warmup.isNegative(), "the warm-up must not be negative");
        require(rounds >= 1, "rounds must be at least 1");
        require(wavesPerRound >= 1, "waves per round must be at least 1");
        require(!wrkDuration.isNegative() && wrkDuration.toSeconds() >= 1, "wrk's duration must be 1 s or more");
        require(!wrkWarmup.isNegative(), "wrk's warm-up must not be negative");
        require(wrkConnections >= 0, "wrk's connections must be 0 (= N) or more");
        require(wrkThreads >= 1, "wrk's threads must be at least 1");
        require(threshold > 0, "the threshold must be above 0");
    }

    /**
     * E = 2, N = 256 and 1000, 10 s of warm-up waves, 3 rounds of (wrk for 5 s, 20 waves), an
     * unmeasured wrk run of 2 s, wrk -t1 -cN, threshold 1.25, {@code server/target/loopbench-server.jar}
     * run by this JVM's java. About 65 s.
     */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(
                2,
                List.of(256, 1000),
                Duration.ofSeconds(10),
                3,
                20,
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                0,
                1,
                1.25,
                Path.of("server", "target", "loopbench-server.jar"),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(),
                true);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
