package dev.loopbench.benchmarks;

import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.WaveClient;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.WaveModel;
import dev.loopbench.targets.RequestUrls;
import dev.loopbench.targets.Target;
import dev.loopbench.targets.TargetChoice;
import java.util.List;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What does blocking the event loop cost? One operation is one wave: {@code concurrency}
 * simultaneous GETs of {@code /handler?ms=delayMs}, each on its own warm keep-alive connection;
 * the score is the time until the last response arrived.
 *
 * <p>Hypothesis: every handler does the same work for D ms, so the wave time is decided only by
 * how many requests the handler can serve at the same time, its lanes L:
 * {@code T(N) = ceil(N / L) x D}. The handlers are {@link HandlerStyle}'s, in the order of the
 * lesson, and {@link HandlerStyle#lanes} gives each one's L. With the in-process server's E event
 * loops, W = 20 workers, V = E virtual-thread instances and C cores, expect:
 * <ul>
 * <li>{@code event-loop-sleep}: L = E. A staircase: with E = 2 and D = 100 ms, N = 64 takes
 *     3.2 s, and meanwhile the loop serves nothing else at all.</li>
 * <li>{@code execute-blocking-ordered}: L = min(E, W). The surprise: the same staircase as
 *     event-loop sleep although 18 workers sit idle, because ordered tasks of one verticle
 *     instance run one after another. The event loop itself stays free.</li>
 * <li>{@code execute-blocking-unordered}: L = W. Flat at D up to N = 20, then a step per 20.</li>
 * <li>{@code timer}: L unbounded. Flat at D for every N; N = 1000 should still take about D.</li>
 * <li>{@code virtual-thread-sleep}: L = V. The staircase again: a virtual-thread verticle
 *     runs one task at a time unless the task awaits, and {@code Thread.sleep} does not.</li>
 * <li>{@code virtual-thread-await}: L unbounded. Flat at D, like the timer.</li>
 * <li>{@code event-loop-compute}, {@code execute-blocking-compute}, {@code virtual-thread-compute}:
 *     the same threads burning D ms of CPU instead of waiting, so L is also capped by C: however
 *     many workers, on 2 cores the unordered one steps every 2 requests.</li>
 * </ul>
 * The secondary metric {@code effectiveParallelism} = N x D / score is the L the server
 * behaved as if it had; with {@code -prof dev.loopbench.benchmarks.WaveProfiler} the model's
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
 *
 * <p>Each job of a trial has a class of its own: {@link WaveCell} checks the parameters,
 * {@link TargetChoice} picks and checks the server, {@link ConnectionWarmUp} opens the
 * connections, {@link WaveBystanders} sends the bystanders, {@link TrialResources} closes
 * everything even when the cell fails, {@link LagScrapes} reads the server's event-loop lag, and
 * {@link TrialHandoff} gives the trial's {@link WaveMetrics} to the profiler.
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

    /**
     * The names of the matrix's {@code @Param} fields below, in their order: how a cell reads best.
     * {@code run-benchmarks.sh} sets these itself (a {@code -p} of one of them changes its matrix);
     * {@code client} and {@code bystander} go to JMH as given.
     */
    public static final List<String> PARAMS = List.of("handler", "concurrency", "delayMs", "eventLoops", "target");

    /**
     * Any path for an external target; one of the {@link HandlerStyle} paths in-process. The list
     * is every style's path in its order (an annotation takes only constants, so it cannot be
     * derived); {@code HandlerRegistrationTest} fails when a style is missing.
     */
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

    /**
     * Which Vert.x client sends the wave: {@code core} (the default), the core {@code HttpClient} on
     * one connection per request; {@code web}, the Vert.x Web Client, whose own cost is measured
     * this way ({@link WaveClient.Kind}). A result without this parameter (older runs) was core's.
     */
    @Param({"core"})
    public String client;

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

    private final TrialResources resources = new TrialResources();
    private WaveCell cell;
    private WaveClient waves;
    private WaveBystanders bystanders;
    private WaveMetrics metrics;
    private LagScrapes lag;
    private int iterations;

    /** The server, a warm client and the bystanders; the trial's metrics handed to {@link WaveProfiler}. */
    @Setup(Level.Trial)
    public void startServerAndWarmClient() throws Exception {
        try {
            cell = new WaveCell(handler, concurrency, delayMs, eventLoops, client, target, bystander);
            Target server = resources.add(TargetChoice.open(handler, concurrency, delayMs, eventLoops, target));
            lag = LagScrapes.of(server);
            double predicted = WaveModel.predictedMillis(handler, concurrency, delayMs, server.shape());
            metrics = new WaveMetrics(predicted);
            TrialHandoff.publish(metrics);
            waves = resources.add(WaveClient.open(
                    cell.client(),
                    RequestUrls.requestUrl(server.baseUrl(), handler, delayMs),
                    concurrency,
                    WaveClient.timeoutMillis(concurrency, delayMs, predicted),
                    metrics.latencyNanos));
            ConnectionWarmUp.openConnections(waves, cell, server.baseUrl());
            bystanders = resources.add(WaveBystanders.start(cell, server, waves, metrics.bystanderNanos));
        } catch (CellUnusable e) {
            throw resources.closeAfter(e);
        } catch (Exception | Error e) {
            throw resources.closeAfter(new CellUnusable("the cell could not start: " + e));
        }
    }

    /**
     * The one reset of the metrics, after the profiler's {@code beforeIteration} and outside JMH's
     * clock; and the lag histogram where the measurement starts.
     */
    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        metrics.startIteration();
        iterations++;
        if (iteration.getType() == IterationType.MEASUREMENT && metrics.lagAtMeasurementStart.isEmpty()) {
            metrics.lagAtMeasurementStart = lag.scrape();
        }
    }

    @Benchmark
    public WaveClient.Wave wave(WaveCounters counters) throws InterruptedException {
        try {
            int connectionsBefore = waves.connectionsOpened();
            bystanders.start();
            WaveClient.Wave wave = waves.fire();
            counters.bystanders += bystanders.stop(cell);
            counters.requests += wave.requests();
            counters.failedRequests += wave.failures();
            counters.newConnections += waves.connectionsOpened() - connectionsBefore;
            cell.requireAnswered(wave, "a measured wave");
            metrics.recordWave(wave);
            return wave;
        } catch (CellUnusable failed) {
            throw resources.closeAfter(failed);
        }
    }

    /**
     * The server's lag histogram after each iteration, outside JMH's clock: on the last iteration
     * JMH tears the trial down, server included, before the profiler hears the iteration ended.
     */
    @TearDown(Level.Iteration)
    public void readEventLoopLag() {
        metrics.lagAfterIteration = lag.scrape();
    }

    /**
     * The hint needs a profiler to have had its chance: JMH calls {@code afterIteration} after this,
     * so a trial of one iteration cannot know.
     */
    @TearDown(Level.Trial)
    public void stopClientAndServer() throws Exception {
        if (iterations > 1 && !TrialHandoff.taken()) {
            System.out.println("loopbench: for the model's prediction, the effective parallelism and the latency"
                    + " percentiles, add -prof " + WaveProfiler.class.getName());
        }
        resources.closeAll();
    }
}
