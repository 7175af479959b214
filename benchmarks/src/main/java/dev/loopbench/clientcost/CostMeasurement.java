package dev.loopbench.clientcost;

import dev.loopbench.client.WaveClient;
import dev.loopbench.model.Statistics;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Recorder;

/**
 * One N of a comparison: warm-up waves of each client, an unmeasured wrk run, then rounds in turns
 * (a wrk run, then a batch of waves of each client, core and web), so that a change in the machine's load falls on both; and the CPU each
 * side and the server spent on the measured part.
 */
final class CostMeasurement {

    /** Unmeasured waves before each measured batch: at least this long and this many ({@link #settle}). */
    static final Duration SETTLE = Duration.ofMillis(250);

    static final int SETTLE_WAVES = 10;

    private final ComparisonOptions options;
    private final LoopbenchServerProcess server;
    private final Optional<Wrk> wrk;

    CostMeasurement(ComparisonOptions options, LoopbenchServerProcess server, Optional<Wrk> wrk) {
        this.options = options;
        this.server = server;
        this.wrk = wrk;
    }

    /** One row per client, core first, measured in turns with wrk. */
    List<CostRow> measure(int concurrency, boolean first, PrintStream out) throws Exception {
        String url = server.url() + "/timer?ms=0";
        int connections = options.wrkConnections() > 0 ? options.wrkConnections() : concurrency;
        List<WaveClient.Kind> kinds = List.of(WaveClient.Kind.values());
        Map<WaveClient.Kind, Batches> batches = new EnumMap<>(WaveClient.Kind.class);
        List<Double> wrkRates = new ArrayList<>();
        double wrkCpu = 0;
        long wrkServerCpu = 0;
        long wrkRequests = 0;
        List<WaveClient> clients = new ArrayList<>();
        try {
            for (WaveClient.Kind kind : kinds) {
                WaveClient client = WaveClient.open(
                        kind, url, concurrency, WaveClient.timeoutMillis(concurrency, 0, 0), new Recorder(3));
                clients.add(client);
                batches.put(kind, new Batches());
                if (first) {
                    out.printf("harness: %s client on the %s transport%n", kind.param(), client.transport());
                }
                fireUnmeasured(
                        client, concurrency, options.warmup(), 1, "a warm-up wave of the " + kind.param() + " client");
            }
            if (wrk.isPresent() && !options.wrkWarmup().isZero()) {
                runWrk(url, connections, options.wrkWarmup());
            }
            for (int round = 0; round < options.rounds(); round++) {
                if (wrk.isPresent()) {
                    long serverBefore = server.cpuNanos();
                    Wrk.Run run = runWrk(url, connections, options.wrkDuration());
                    long serverAfter = server.cpuNanos();
                    wrkRates.add(run.requestsPerSecond());
                    wrkCpu += run.wrkCpuNanos();
                    wrkServerCpu += serverAfter - serverBefore;
                    wrkRequests += run.requests();
                }
                for (int k = 0; k < kinds.size(); k++) {
                    // the clients take turns first too, so that neither always follows wrk
                    int turn = (k + round) % kinds.size();
                    batches.get(kinds.get(turn)).measure(clients.get(turn), concurrency);
                }
            }
            BystanderEffect.print(
                    concurrency,
                    BystanderEffect.measure(
                            server,
                            clients.get(kinds.indexOf(WaveClient.Kind.CORE)),
                            concurrency,
                            options.eventLoops()),
                    out);
        } finally {
            for (WaveClient client : clients) {
                client.close();
            }
        }
        double rate = Statistics.median(wrkRates);
        List<CostRow> rows = new ArrayList<>();
        for (WaveClient.Kind kind : kinds) {
            Batches measured = batches.get(kind);
            CostRow row = new CostRow(
                    concurrency,
                    rate,
                    concurrency * 1e3 / rate,
                    Statistics.median(measured.waveMillis),
                    measured.waveMillis.stream()
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElse(Double.NaN),
                    measured.waveMillis.stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(Double.NaN),
                    measured.waveMillis.size(),
                    wrkRequests > 0 ? wrkCpu / 1e3 / wrkRequests : Double.NaN,
                    wrkRequests > 0 ? wrkServerCpu / 1e3 / wrkRequests : Double.NaN,
                    measured.clientCpu / 1e3 / measured.requests,
                    measured.serverCpu / 1e3 / measured.requests,
                    kind.param());
            rows.add(row);
            out.printf(
                    Locale.ROOT,
                    "harness: N = %d done with the %s client: wave median %.2f ms over %d waves%s%n",
                    concurrency,
                    kind.param(),
                    row.waveMillis(),
                    row.waves(),
                    wrk.isPresent() ? String.format(Locale.ROOT, ", wrk %.0f requests/s", rate) : "");
        }
        hyperfoil(
                        concurrency,
                        rate,
                        wrkRequests > 0 ? wrkCpu / 1e3 / wrkRequests : Double.NaN,
                        wrkRequests > 0 ? wrkServerCpu / 1e3 / wrkRequests : Double.NaN,
                        out)
                .ifPresent(rows::add);
        return rows;
    }

    /**
     * Hyperfoil's waves of N, after loopbench's: warm-up waves of about as many requests as 10 s of
     * loopbench's, then as many measured waves as loopbench had.
     */
    private Optional<CostRow> hyperfoil(
            int concurrency, double rate, double wrkCpuMicros, double wrkServerCpuMicros, PrintStream out)
            throws Exception {
        if (!options.hyperfoil()) {
            return Optional.empty();
        }
        int waves = options.rounds() * options.wavesPerRound();
        int warmupWaves = (int) Math.max(20, Math.min(2000, options.warmup().toSeconds() * 20_000 / concurrency));
        Optional<HyperfoilWaves.Run> run = HyperfoilWaves.measure(server, concurrency, warmupWaves, waves, out);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<Double> millis = run.get().waveMillis();
        CostRow row = new CostRow(
                concurrency,
                rate,
                concurrency * 1e3 / rate,
                Statistics.median(millis),
                millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                millis.size(),
                wrkCpuMicros,
                wrkServerCpuMicros,
                run.get().clientCpuMicros(),
                run.get().serverCpuMicros(),
                CostRow.HYPERFOIL);
        out.printf(
                Locale.ROOT,
                "harness: N = %d done with Hyperfoil: wave median %.2f ms over %d waves (after %d warm-up waves)%n",
                concurrency,
                row.waveMillis(),
                row.waves(),
                warmupWaves);
        return Optional.of(row);
    }

    /** One client's measured waves and the CPU they cost, client and server. */
    private final class Batches {
        final List<Double> waveMillis = new ArrayList<>();
        long clientCpu;
        long serverCpu;
        long requests;

        void measure(WaveClient client, int concurrency) throws Exception {
            settle(client, concurrency);
            long clientBefore = CpuTime.ofThisProcess();
            long serverBefore = server.cpuNanos();
            for (int i = 0; i < options.wavesPerRound(); i++) {
                waveMillis.add(fire(client, concurrency, "a measured wave").millis());
            }
            clientCpu += CpuTime.ofThisProcess() - clientBefore;
            serverCpu += server.cpuNanos() - serverBefore;
            requests += (long) options.wavesPerRound() * concurrency;
        }
    }

    /**
     * Unmeasured waves, back to back, before a batch: after a pause (a wrk run, the other client's
     * batch) the first waves are slow on a VM and the rest settle. Measured on this 2-core VM at
     * N = 256: the first wave after wrk 6 to 37 ms, the next nine 2.1 to 6.5, then a steady 2.1 to
     * 2.4; 20 waves measured straight after wrk read a median of 2.61 to 3.43 ms where the steady
     * state is 2.2. wrk's rate is a steady state too (its own ramp is a few ms of its 5 s).
     */
    static void settle(WaveClient client, int concurrency) throws Exception {
        fireUnmeasured(client, concurrency, SETTLE, SETTLE_WAVES, "a settling wave");
    }

    /** Waves back to back for at least {@code duration} and at least {@code waves} of them, each still checked. */
    private static void fireUnmeasured(WaveClient client, int concurrency, Duration duration, int waves, String which)
            throws Exception {
        long ends = System.nanoTime() + duration.toNanos();
        for (int wave = 0; wave < waves || System.nanoTime() < ends; wave++) {
            fire(client, concurrency, which);
        }
    }

    private Wrk.Run runWrk(String url, int connections, Duration duration)
            throws IOException, InterruptedException, Unmeasurable {
        Wrk.Run run = wrk.orElseThrow().run(url, options.wrkThreads(), connections, duration);
        if (run.errors() > 0) {
            throw new Unmeasurable("wrk saw " + run.errors() + " errors (non-2xx answers or socket errors) in "
                    + run.requests() + " requests at " + url);
        }
        return run;
    }

    static WaveClient.Wave fire(WaveClient client, int concurrency, String which) throws Exception {
        WaveClient.Wave wave = client.fire();
        if (wave.failures() > 0) {
            throw new Unmeasurable(which + " of " + concurrency + " failed: " + wave.failures() + " of "
                    + wave.requests() + " requests, the first with: " + wave.firstError());
        }
        return wave;
    }

    /** NaN for none: without wrk there are no rates. */
}
