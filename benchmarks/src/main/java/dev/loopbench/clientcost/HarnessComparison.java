package dev.loopbench.clientcost;

import dev.loopbench.client.WaveClient;
import dev.loopbench.model.Statistics;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Recorder;

/**
 * Is the harness what is measured? Holds loopbench's wave client against wrk, on the same
 * loopbench server started as a process of its own, at {@code /timer?ms=0}: nothing to wait for,
 * so all there is to measure is the cost of the requests.
 *
 * <p>For each N: wrk's steady rate with N connections gives the time wrk needs for N requests,
 * N / rate; loopbench's median zero-delay wave of N is set beside it; the ratio says what the
 * harness costs over the cheapest client there is. The two are measured in turns (a wrk run,
 * then a batch of waves, then again), so that a change in the machine's load falls on both. CPU
 * time per request of the client and of the server, which the load does not change, says where
 * the time went.
 *
 * <p>Exit status of {@link #run}: 0 when every ratio is within the threshold (or wrk is missing
 * and loopbench's own figures were printed), 1 when a ratio is above it, 2 when nothing could be
 * measured (no server jar, a server that would not start, a wave that failed).
 */
public final class HarnessComparison {

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
     */
    public record Options(
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
            List<String> serverJvmOptions) {

        public Options {
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
        public static Options defaults() {
            return new Options(
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
                    List.of());
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** One N's figures; wrk's are NaN without wrk. */
    record Row(
            int concurrency,
            double wrkRequestsPerSecond,
            double wrkMillis,
            double waveMillis,
            double minWaveMillis,
            double maxWaveMillis,
            int waves,
            double wrkCpuMicros,
            double wrkServerCpuMicros,
            double clientCpuMicros,
            double waveServerCpuMicros) {

        double ratio() {
            return waveMillis / wrkMillis;
        }

        /**
         * CPU per request of client and server with loopbench over the same with wrk: what the
         * wall-clock ratio tends to when the cores are the limit, and what a busy machine does
         * not move (much).
         */
        double cpuRatio() {
            return (clientCpuMicros + waveServerCpuMicros) / (wrkCpuMicros + wrkServerCpuMicros);
        }
    }

    /** Unusable settings or a server that cannot be measured: the message says which. */
    static final class Unmeasurable extends Exception {
        Unmeasurable(String message) {
            super(message);
        }
    }

    private final Optional<Wrk> wrk;

    public HarnessComparison() {
        this(Wrk.find());
    }

    HarnessComparison(Optional<Wrk> wrk) {
        this.wrk = wrk;
    }

    public int run(Options options, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "harness: loopbench's wave client against wrk, GET /timer?ms=0 on a loopbench server process"
                        + " (E = %d), %d cores, Java %s%n",
                options.eventLoops(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (wrk.isEmpty()) {
            out.println("harness: " + Wrk.INSTALL_HINT + "; loopbench's own figures follow");
        }
        out.printf(Locale.ROOT, "harness: load average %s before%n", loadAverage());
        List<Row> rows = new ArrayList<>();
        LoopbenchServerProcess server = null;
        Thread stopOnExit = null;
        try {
            server = LoopbenchServerProcess.start(
                    options.java(), options.serverJvmOptions(), options.serverJar(), options.eventLoops());
            LoopbenchServerProcess started = server;
            stopOnExit = new Thread(started::close, "harness-stop-server");
            Runtime.getRuntime().addShutdownHook(stopOnExit); // Ctrl-C must not leave the server behind
            out.printf("harness: server pid %d at %s, %s transport%n", server.pid(), server.url(), server.transport());
            for (int concurrency : options.concurrencies()) {
                rows.add(measure(options, server, concurrency, rows.isEmpty(), out));
            }
        } catch (IOException | Unmeasurable e) {
            out.println("harness: cannot measure: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("harness: interrupted");
            return 2;
        } catch (Exception e) {
            out.println("harness: cannot measure: " + e);
            return 2;
        } finally {
            if (server != null) {
                server.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnExit);
                } catch (IllegalStateException | NullPointerException shuttingDown) {
                    // the hook runs anyway, or was never added
                }
            }
        }
        out.printf(Locale.ROOT, "harness: load average %s after%n", loadAverage());
        out.println();
        printTable(options, rows, out);
        return verdict(options, rows, out);
    }

    private Row measure(Options options, LoopbenchServerProcess server, int concurrency, boolean first, PrintStream out)
            throws Exception {
        String url = server.url() + "/timer?ms=0";
        int connections = options.wrkConnections() > 0 ? options.wrkConnections() : concurrency;
        List<Double> waveMillis = new ArrayList<>();
        List<Double> wrkRates = new ArrayList<>();
        long clientCpu = 0;
        long waveServerCpu = 0;
        long waveRequests = 0;
        double wrkCpu = 0;
        long wrkServerCpu = 0;
        long wrkRequests = 0;
        try (WaveClient client =
                new WaveClient(url, concurrency, WaveClient.timeoutMillis(concurrency, 0, 0), new Recorder(3))) {
            if (first) {
                out.printf("harness: client on the %s transport%n", client.transport());
            }
            long warmupEnds = System.nanoTime() + options.warmup().toNanos();
            do {
                fire(client, concurrency, "a warm-up wave");
            } while (System.nanoTime() < warmupEnds);
            if (wrk.isPresent() && !options.wrkWarmup().isZero()) {
                runWrk(options, url, connections, options.wrkWarmup());
            }
            for (int round = 0; round < options.rounds(); round++) {
                if (wrk.isPresent()) {
                    long serverBefore = server.cpuNanos();
                    Wrk.Run run = runWrk(options, url, connections, options.wrkDuration());
                    long serverAfter = server.cpuNanos();
                    wrkRates.add(run.requestsPerSecond());
                    wrkCpu += run.wrkCpuNanos();
                    wrkServerCpu += serverAfter - serverBefore;
                    wrkRequests += run.requests();
                }
                long clientBefore = CpuTime.ofThisProcess();
                long serverBefore = server.cpuNanos();
                for (int i = 0; i < options.wavesPerRound(); i++) {
                    waveMillis.add(fire(client, concurrency, "a measured wave").millis());
                }
                clientCpu += CpuTime.ofThisProcess() - clientBefore;
                waveServerCpu += server.cpuNanos() - serverBefore;
                waveRequests += (long) options.wavesPerRound() * concurrency;
            }
        }
        double rate = Statistics.median(wrkRates); // NaN without wrk
        Row row = new Row(
                concurrency,
                rate,
                concurrency * 1e3 / rate,
                Statistics.median(waveMillis),
                waveMillis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                waveMillis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                waveMillis.size(),
                wrkRequests > 0 ? wrkCpu / 1e3 / wrkRequests : Double.NaN,
                wrkRequests > 0 ? wrkServerCpu / 1e3 / wrkRequests : Double.NaN,
                clientCpu / 1e3 / waveRequests,
                waveServerCpu / 1e3 / waveRequests);
        out.printf(
                Locale.ROOT,
                "harness: N = %d done: wave median %.2f ms over %d waves%s%n",
                concurrency,
                row.waveMillis(),
                row.waves(),
                wrk.isPresent() ? String.format(Locale.ROOT, ", wrk %.0f requests/s", rate) : "");
        return row;
    }

    private Wrk.Run runWrk(Options options, String url, int connections, Duration duration)
            throws IOException, InterruptedException, Unmeasurable {
        Wrk.Run run = wrk.orElseThrow().run(url, options.wrkThreads(), connections, duration);
        if (run.errors() > 0) {
            throw new Unmeasurable("wrk saw " + run.errors() + " errors (non-2xx answers or socket errors) in "
                    + run.requests() + " requests at " + url);
        }
        return run;
    }

    private static WaveClient.Wave fire(WaveClient client, int concurrency, String which) throws Exception {
        WaveClient.Wave wave = client.fire();
        if (wave.failures() > 0) {
            throw new Unmeasurable(which + " of " + concurrency + " failed: " + wave.failures() + " of "
                    + wave.requests() + " requests, the first with: " + wave.firstError());
        }
        return wave;
    }

    private void printTable(Options options, List<Row> rows, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%6s  %10s  %10s  %14s  %14s  %6s  %17s  %17s  %9s%n",
                "N",
                "wrk req/s",
                "wrk ms/N",
                "loopbench ms",
                "(min..max)",
                "ratio",
                "client us/req",
                "server us/req",
                "CPU ratio");
        out.printf(
                Locale.ROOT,
                "%6s  %10s  %10s  %14s  %14s  %6s  %17s  %17s  %9s%n",
                "",
                "",
                "",
                "(median)",
                "",
                "",
                "loopbench | wrk",
                "loopbench | wrk",
                "");
        for (Row row : rows) {
            out.printf(
                    Locale.ROOT,
                    "%6d  %10s  %10s  %14.2f  %14s  %6s  %17s  %17s  %9s%n",
                    row.concurrency(),
                    wrk.isPresent() ? String.format(Locale.ROOT, "%.0f", row.wrkRequestsPerSecond()) : "-",
                    wrk.isPresent() ? String.format(Locale.ROOT, "%.2f", row.wrkMillis()) : "-",
                    row.waveMillis(),
                    String.format(Locale.ROOT, "%.2f..%.2f", row.minWaveMillis(), row.maxWaveMillis()),
                    wrk.isPresent() ? String.format(Locale.ROOT, "%.2f", row.ratio()) : "-",
                    pair(row.clientCpuMicros(), row.wrkCpuMicros()),
                    pair(row.waveServerCpuMicros(), row.wrkServerCpuMicros()),
                    Double.isNaN(row.cpuRatio()) ? "-" : String.format(Locale.ROOT, "%.2f", row.cpuRatio()));
        }
        out.printf(
                Locale.ROOT,
                "(medians of %d waves and of %d wrk runs of %d s per N, in turns; wrk -t%d -c%s;"
                        + " CPU: user + system of each process over the measured part; CPU ratio: client + server"
                        + " CPU per request with loopbench over the same with wrk, which load does not move)%n",
                options.rounds() * options.wavesPerRound(),
                options.rounds(),
                options.wrkDuration().toSeconds(),
                options.wrkThreads(),
                options.wrkConnections() > 0 ? String.valueOf(options.wrkConnections()) : "N");
    }

    private static String pair(double loopbench, double wrk) {
        return String.format(
                Locale.ROOT,
                "%s | %s",
                Double.isNaN(loopbench) ? "-" : String.format(Locale.ROOT, "%.1f", loopbench),
                Double.isNaN(wrk) ? "-" : String.format(Locale.ROOT, "%.1f", wrk));
    }

    private int verdict(Options options, List<Row> rows, PrintStream out) {
        if (wrk.isEmpty()) {
            out.println("verdict: no ratio without wrk (" + Wrk.INSTALL_HINT + ")");
            return 0;
        }
        List<String> above = new ArrayList<>();
        for (Row row : rows) {
            if (!(row.ratio() <= options.threshold())) {
                above.add(String.format(Locale.ROOT, "N = %d (%.2f)", row.concurrency(), row.ratio()));
            }
        }
        String threshold = String.format(Locale.ROOT, "%.2f", options.threshold());
        if (above.isEmpty()) {
            out.println("verdict: within " + threshold + "x of wrk at every N: the client is not what is measured");
            return 0;
        }
        out.println("verdict: above " + threshold + "x of wrk at " + String.join(", ", above)
                + "; on a busy machine run it again (load average above)");
        return 1;
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load < 0) {
            return "unknown";
        }
        try {
            String[] proc = java.nio.file.Files.readString(Path.of("/proc/loadavg"))
                    .trim()
                    .split("\\s+");
            return String.join(" ", Arrays.asList(proc).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", load);
        }
    }
}
