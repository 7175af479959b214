package dev.loopbench.server;

import static dev.loopbench.model.Statistics.median;

import dev.loopbench.model.ServerShape;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the event-loop lag probe costs, measured for the README: not a test, it asserts nothing
 * and runs only when asked:
 *
 * <pre>
 * ./mvnw -B -q -pl server verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=LagProbeCostIT -Dloopbench.measure=lag-probe-cost
 * </pre>
 *
 * Two server processes, alike but for {@code --lag-probe-ms}, idle side by side and then serve
 * the same timer waves in alternating blocks, so that whatever else the machine does falls on
 * both alike.
 */
@EnabledIfSystemProperty(named = "loopbench.measure", matches = "lag-probe-cost")
@DisplayName("The cost of the lag probe (a measurement, run on request)")
class LagProbeCostIT {

    private static final int PROBE_MS = ServerConfig.DEFAULT_LAG_PROBE_MS;
    private static final int EVENT_LOOPS = 2;
    private static final int N = 16;
    private static final int WARM_UP_WAVES = 3_000;
    private static final int BLOCKS = 20;
    private static final int WAVES_PER_BLOCK = 50;
    private static final Duration IDLE = Duration.ofSeconds(30);

    @Test
    @DisplayName("idle CPU and timer wave times, probe on and off")
    void idleCpuAndWaveTimes() throws Exception {
        ServerProcess on = start(PROBE_MS);
        ServerProcess off = start(0);
        try (WaveTestClient onClient = new WaveTestClient(on.url(), N).warm();
                WaveTestClient offClient = new WaveTestClient(off.url(), N).warm()) {
            String wave = "/timer?ms=0";
            for (int i = 0; i < WARM_UP_WAVES; i++) {
                onClient.fire(wave, N).assertAllOk();
                offClient.fire(wave, N).assertAllOk();
            }

            Thread.sleep(2_000);
            Duration onBefore = on.cpuTime();
            Duration offBefore = off.cpuTime();
            Thread.sleep(IDLE.toMillis());
            double onIdle = (on.cpuTime().minus(onBefore)).toNanos() / 1e6 / IDLE.toSeconds();
            double offIdle = (off.cpuTime().minus(offBefore)).toNanos() / 1e6 / IDLE.toSeconds();

            List<Double> onWaves = new ArrayList<>();
            List<Double> offWaves = new ArrayList<>();
            for (int block = 0; block < BLOCKS; block++) {
                boolean onFirst = block % 2 == 0;
                fire(onFirst ? onClient : offClient, wave, onFirst ? onWaves : offWaves);
                fire(onFirst ? offClient : onClient, wave, onFirst ? offWaves : onWaves);
            }
            double onMedian = median(onWaves);
            double offMedian = median(offWaves);
            System.out.printf(
                    Locale.ROOT,
                    "lag probe cost (Java %s, %d cores, E=%d, probe every %d ms):%n"
                            + "  idle CPU over %d s: probe on %.1f ms/s, off %.1f ms/s, difference %.1f ms/s"
                            + " (%.2f%% of one core)%n"
                            + "  %d waves of %d x %s each, in %d alternating blocks: median probe on %.3f ms,"
                            + " off %.3f ms, on/off %.3f%n",
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(),
                    EVENT_LOOPS,
                    PROBE_MS,
                    IDLE.toSeconds(),
                    onIdle,
                    offIdle,
                    onIdle - offIdle,
                    (onIdle - offIdle) / 10,
                    onWaves.size(),
                    N,
                    wave,
                    BLOCKS,
                    onMedian,
                    offMedian,
                    onMedian / offMedian);
        } finally {
            on.terminate(Duration.ofSeconds(40));
            off.terminate(Duration.ofSeconds(40));
        }
    }

    @Test
    @DisplayName("rendering /metrics, which runs on an event loop")
    void scrapeTime() {
        try (InProcessServer server = InProcessServer.quiet(new ServerShape(EVENT_LOOPS, 20, EVENT_LOOPS), N)) {
            server.client.fire("/execute-blocking-unordered?ms=0", N).assertAllOk();
            PrometheusMeterRegistry registry = (PrometheusMeterRegistry) server.server.meterRegistry();
            List<Double> renders = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < 3_000; i++) {
                long start = System.nanoTime();
                bytes = registry.scrape().length();
                renders.add((System.nanoTime() - start) / 1e3);
            }
            List<Double> measured = renders.subList(2_000, renders.size()); // after the JIT
            System.out.printf(
                    Locale.ROOT,
                    "scrape of /metrics (Java %s, E=%d): %d characters, median %.0f µs over the last %d of %d renders%n",
                    System.getProperty("java.version"),
                    EVENT_LOOPS,
                    bytes,
                    median(measured),
                    measured.size(),
                    renders.size());
        }
    }

    private static ServerProcess start(int lagProbeMs) throws Exception {
        return ServerProcess.start(
                Jdks.current(),
                "--port",
                "0",
                "--event-loops",
                Integer.toString(EVENT_LOOPS),
                "--warn-blocked-ms",
                "0",
                "--lag-probe-ms",
                Integer.toString(lagProbeMs));
    }

    private static void fire(WaveTestClient client, String wave, List<Double> into) {
        for (int i = 0; i < WAVES_PER_BLOCK; i++) {
            into.add(client.fire(wave, N).assertAllOk().millis());
        }
    }
}
