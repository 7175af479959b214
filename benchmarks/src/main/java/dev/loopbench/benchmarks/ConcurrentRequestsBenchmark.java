package dev.loopbench.benchmarks;

import dev.loopbench.client.Bystanders;
import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.FileDescriptors;
import dev.loopbench.client.WaveClient;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaveModel;
import dev.loopbench.target.ExternalTarget;
import dev.loopbench.target.InProcessTarget;
import dev.loopbench.target.Target;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does blocking the event loop cost? One operation is one wave: {@code concurrency}
 * simultaneous GETs of {@code /handler?ms=delayMs}, each on its own warm keep-alive connection;
 * the score is the time until the last response arrived.
 *
 * <p>Hypothesis: every handler does the same work, wait D ms or burn D ms of CPU, so the wave
 * time is decided only by how many requests the handler can serve at the same time, its lanes
 * L ({@link HandlerStyle#lanes}): {@code T(N) = ceil(N / L) x D}. Expect a staircase from the
 * handlers with few lanes ({@code event-loop-sleep} with E; {@code execute-blocking-ordered},
 * the surprise, with min(E, W) although the other workers sit idle; {@code virtual-thread-sleep}
 * with V; the compute handlers with no more lanes than cores), and a flat line at D from those
 * without a bound ({@code timer}, {@code virtual-thread-await}), at N = 1000 too.
 * The secondary metric {@code effectiveParallelism} = N x D / score is the L the server behaved
 * as if it had; with {@code -prof dev.loopbench.benchmarks.WaveProfiler} the model's
 * {@code predicted} time and per-request latency percentiles are reported too.
 *
 * <p>A wave with any failed or timed-out request is not a measurement: the trial fails with
 * the handler, the count and the first error, and no score is reported. Virtual-thread handlers
 * on a JDK without virtual threads fail the same way, in one line.
 *
 * <p>Run it (the full matrix, the summary and the charts: {@code ./run-benchmarks.sh}):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ConcurrentRequests -p handler=timer
 * java -jar benchmarks/target/benchmarks.jar ConcurrentRequests -p handler=event-loop-sleep -p concurrency=1,8,64 \
 *      -prof dev.loopbench.benchmarks.WaveProfiler
 * java -jar benchmarks/target/benchmarks.jar ConcurrentRequests -p target=http://localhost:8080 -p handler=timer
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = BenchmarkDefaults.WARMUP_ITERATIONS, time = BenchmarkDefaults.WARMUP_SECONDS)
@Measurement(iterations = BenchmarkDefaults.MEASUREMENT_ITERATIONS, time = BenchmarkDefaults.MEASUREMENT_SECONDS)
@Fork(
        value = BenchmarkDefaults.FORKS,
        jvmArgsAppend = {BenchmarkDefaults.HEAP_MIN, BenchmarkDefaults.HEAP_MAX, BenchmarkDefaults.NATIVE_ACCESS})
@Threads(1)
public class ConcurrentRequestsBenchmark {

    /** The names of the {@code @Param} fields below, in their order: how a cell reads best. */
    public static final List<String> PARAMS = List.of("handler", "concurrency", "delayMs", "eventLoops", "target");

    /** Any path for an external target; one of the {@link HandlerStyle} paths in-process. */
    @Param({
        "event-loop-sleep",
        "execute-blocking-ordered",
        "execute-blocking-unordered",
        "timer",
        "virtual-thread-sleep",
        "virtual-thread-await",
        "event-loop-compute",
        "execute-blocking-compute",
        "virtual-thread-compute"
    })
    public String handler;

    @Param({"1", "4", "16", "64"})
    public int concurrency;

    @Param({"100"})
    public int delayMs;

    /** E of the in-process server; ignored for an external target. */
    @Param({"2"})
    public int eventLoops;

    /** Empty: start loopbench in-process. A URL such as {@code http://host:8080}: measure that server. */
    @Param({""})
    public String target;

    /** loopbench's own {@code /health}, answered on the event loop. */
    public static final String DEFAULT_BYSTANDER = "health";

    /** JMH takes no empty value for a parameter: this one turns the bystanders off. */
    public static final String NO_BYSTANDER = "none";

    /**
     * Cheap requests sent during each wave on connections of their own ({@link Bystanders}): a
     * path of the target, default {@code health}; {@code none}: no bystanders. A server that is
     * not loopbench and has no {@code /health} gets none unless a path of its own is named.
     */
    @Param({DEFAULT_BYSTANDER})
    public String bystander;

    private Target server;
    private WaveClient client;
    private Bystanders bystanders;

    @Setup(Level.Trial)
    public void startServerAndWarmClient() throws Exception {
        try {
            startAndWarm();
        } catch (CellUnusable e) {
            throw failCell(e.getMessage());
        } catch (Exception | Error e) {
            throw failCell("the cell could not start: " + e);
        }
    }

    private void startAndWarm() throws Exception {
        requireSensible();
        Optional<HandlerStyle> style = HandlerStyle.fromPath(handler);
        boolean inProcess = target.isBlank();
        FileDescriptors.requireRoomFor(concurrency, inProcess);
        if (inProcess) {
            server = inProcess(style.orElseThrow(() -> new CellUnusable(
                    "handler '" + handler + "' is not one of loopbench's: " + HandlerStyle.allPaths())));
        } else {
            server = ExternalTarget.connect(target, handler, delayMs);
        }
        WaveMetrics.CURRENT.loopbenchUrl = server.shape().isPresent() ? server.baseUrl() : null;
        double predicted = WaveModel.predictedMillis(handler, concurrency, delayMs, server.shape());
        WaveMetrics.CURRENT.predictedMillis = predicted;
        client = new WaveClient(
                ExternalTarget.requestUrl(server.baseUrl(), handler, delayMs),
                concurrency,
                WaveClient.timeoutMillis(concurrency, delayMs, predicted),
                WaveMetrics.CURRENT.latencyNanos);
        // unmeasured: all N are sent before any can answer, so the pool opens N connections
        requireNoFailures(fire(), "the warm-up wave");
        if (client.closingAnswers() > 0) {
            System.out.println("loopbench: " + server.baseUrl() + " closed the connection after "
                    + client.closingAnswers()
                    + " of " + concurrency + " answers, so every wave opens new ones: connection set-up is inside the"
                    + " wave time (newConnections counts them)");
        }
        if (!bystander.isBlank() && !bystander.equals(NO_BYSTANDER)) {
            startBystanders();
        }
        WaveMetrics.CURRENT.lagAfterSetup = WaveProfiler.scrapeLag();
        WaveMetrics.CURRENT.startIteration(); // with -wi 0 the warm-up's latencies would land in the first iteration
    }

    @Benchmark
    public WaveClient.Wave wave(WaveCounters counters) throws InterruptedException {
        int connectionsBefore = client.connectionsOpened();
        long bystandersBefore = bystanders == null ? 0 : bystanders.answered();
        if (bystanders != null) {
            bystanders.start();
        }
        WaveClient.Wave wave = fire();
        if (bystanders != null) {
            bystanders.stop();
            counters.bystanders += bystanders.answered() - bystandersBefore;
            requireNoFailedBystanders();
        }
        counters.requests += wave.requests();
        counters.failedRequests += wave.failures();
        counters.newConnections += client.connectionsOpened() - connectionsBefore;
        requireNoFailures(wave, "a measured wave");
        WaveMetrics.CURRENT.recordWave(wave);
        return wave;
    }

    private WaveClient.Wave fire() throws InterruptedException {
        try {
            return client.fire();
        } catch (CellUnusable unanswered) {
            throw failCell(unanswered.getMessage());
        }
    }

    /**
     * The server's lag histogram after each iteration, outside JMH's clock: on the last iteration
     * JMH tears the trial down, server included, before the profiler hears the iteration ended.
     */
    @TearDown(Level.Iteration)
    public void readEventLoopLag() {
        if (WaveMetrics.CURRENT.profiled) {
            WaveMetrics.CURRENT.lagAfterIteration = WaveProfiler.scrapeLag();
        }
    }

    @TearDown(Level.Trial)
    public void stopClientAndServer() throws Exception {
        if (!WaveMetrics.CURRENT.profiled) {
            System.out.println("loopbench: for the model's prediction, the effective parallelism and the latency"
                    + " percentiles, add -prof " + WaveProfiler.class.getName());
        }
        closeClientAndServer();
    }

    /** All, whatever happens to the others: a Vert.x left open keeps the forked JVM alive. */
    private void closeClientAndServer() throws Exception {
        try {
            if (bystanders != null) {
                bystanders.close();
            }
            if (client != null) {
                client.close();
            }
        } finally {
            bystanders = null;
            client = null;
            try {
                if (server != null) {
                    server.close();
                }
            } finally {
                server = null;
            }
        }
    }

    private Target inProcess(HandlerStyle style) throws Exception {
        InProcessTarget inProcess = InProcessTarget.start(eventLoops);
        server = inProcess;
        if (style.needsVirtualThreads() && !inProcess.virtualThreads().orElse(false)) {
            throw failCell("skipped " + handler + ": " + inProcess.virtualThreadsUnavailableReason());
        }
        return inProcess;
    }

    /**
     * JMH does not tear a trial down after an exception, and the Vert.x threads of client and
     * server would keep the forked JVM alive until JMH kills it, so they are closed first.
     */
    private CellUnusable failCell(String message) {
        try {
            closeClientAndServer();
        } catch (Exception e) {
            return new CellUnusable(message + " (and closing the client or server failed: " + e + ")");
        }
        return new CellUnusable(message);
    }

    private void requireNoFailures(WaveClient.Wave wave, String which) {
        if (wave.failures() > 0) {
            throw failCell(String.format(
                    "%s of %s with concurrency %d failed: %d of %d requests failed, the first with: %s",
                    which, handler, concurrency, wave.failures(), wave.requests(), wave.firstError()));
        }
    }

    private void startBystanders() throws Exception {
        int eventLoops = server.shape().map(ServerShape::eventLoops).orElse(0);
        bystanders = new Bystanders(
                ExternalTarget.requestUrl(server.baseUrl(), bystander),
                Bystanders.connectionsFor(eventLoops),
                WaveMetrics.CURRENT.bystanderNanos);
        try {
            bystanders.warmUp();
        } catch (CellUnusable noHealth) {
            if (server.shape().isPresent() || !bystander.equals(DEFAULT_BYSTANDER)) {
                throw noHealth; // loopbench always answers /health, and a path the user named must answer
            }
            System.out.println("loopbench: no bystanders: " + server.baseUrl() + "/" + DEFAULT_BYSTANDER
                    + " does not answer; name a cheap path of the target with -p bystander=PATH");
            bystanders.close();
            bystanders = null;
        }
    }

    private void requireNoFailedBystanders() {
        if (bystanders.failures() > 0) {
            throw failCell(String.format(
                    "bystander requests GET /%s during a wave of %s with concurrency %d failed: %d, the first with: %s",
                    bystander, handler, concurrency, bystanders.failures(), bystanders.firstError()));
        }
    }

    private void requireSensible() {
        if (concurrency < 1) {
            throw new CellUnusable("concurrency must be at least 1, got " + concurrency);
        }
        if (delayMs < 0 || delayMs > HandlerStyle.MAX_DELAY_MS) {
            throw new CellUnusable("delayMs must be from 0 to " + HandlerStyle.MAX_DELAY_MS + ", got " + delayMs);
        }
        if (eventLoops < 1) {
            throw new CellUnusable("eventLoops must be at least 1, got " + eventLoops);
        }
    }
}
