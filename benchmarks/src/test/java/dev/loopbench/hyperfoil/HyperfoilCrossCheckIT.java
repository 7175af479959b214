package dev.loopbench.hyperfoil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.client.WaveClient;
import dev.loopbench.model.WaveModel;
import dev.loopbench.targets.InProcessTarget;
import dev.loopbench.targets.RequestUrls;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two independent harnesses on one server: loopbench's {@link WaveClient} and Hyperfoil fire the
 * same waves at the same in-process loopbench server (E = 2), and their per-request p50s must
 * agree within 10%. Both p50s are the same quantity: the median over all requests of all measured
 * waves of the time from sending a request to the last byte of its response (loopbench: before
 * {@code send()} to the completed response; Hyperfoil: from the request's start, before it asks
 * for a connection, to the end of the parsed response), each in an HdrHistogram.
 *
 * <p>N = 10 makes the p50 a middle, not an edge: at {@code event-loop-sleep} with E = 2 a wave is
 * 5 rounds of 2 requests answered at D, 2D, ... 5D, and the p50 (the 5th of 10) is inside the
 * third round, ~3D. With N = 8 (4 rounds) the p50 is the last request of round 2, next to
 * round 3: a single request served a round early or late would move it by D.
 */
@DisplayName("Hyperfoil and loopbench's own client, on the same server,")
class HyperfoilCrossCheckIT {

    static final int EVENT_LOOPS = 2;
    static final int CONCURRENCY = 10;
    static final int DELAY_MS = 50;
    static final int WARMUP_WAVES = 20;
    static final int MEASURED_WAVES = 40;
    static final double TOLERANCE = 0.10;

    private static InProcessTarget server;

    @BeforeAll
    static void startServer() throws Exception {
        HyperfoilRun.requireJar();
        server = InProcessTarget.start(EVENT_LOOPS);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "agree on the p50 of {0} waves within 10%")
    @ValueSource(strings = {"timer", "event-loop-sleep"})
    void agreeOnTheMedian(String handler, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Histogram loopbench = loopbenchLatencyMicros(handler);
        HyperfoilRun hyperfoil = hyperfoil(handler, dir);
        JsonObject waves = hyperfoil.phase("waves");

        double loopbenchP50 = loopbench.getValueAtPercentile(50) / 1e6;
        double hyperfoilP50 = waves.getDouble("p50Ms");
        String figures = String.format(
                Locale.ROOT,
                "%s, N = %d, D = %d ms, E = %d, %d warm-up + %d measured waves each (model: %.0f ms per wave):%n"
                        + "  loopbench p50 %.1f ms, p99 %.1f ms over %d requests%n"
                        + "  hyperfoil p50 %.1f ms, p99 %.1f ms over %d requests, %d errors, blocked %.1f ms%n"
                        + "  hyperfoil / loopbench = %.3f%n%s",
                handler,
                CONCURRENCY,
                DELAY_MS,
                EVENT_LOOPS,
                WARMUP_WAVES,
                MEASURED_WAVES,
                WaveModel.predictedMillis(handler, CONCURRENCY, DELAY_MS, server.shape()),
                loopbenchP50,
                loopbench.getValueAtPercentile(99) / 1e6,
                loopbench.getTotalCount(),
                hyperfoilP50,
                waves.getDouble("p99Ms"),
                waves.getLong("requests"),
                waves.getLong("errors"),
                waves.getDouble("blockedMs"),
                hyperfoilP50 / loopbenchP50,
                hyperfoil);
        System.out.println("cross-check: "
                + figures.lines().limit(4).reduce((a, b) -> a + "\n" + b).orElse(""));

        assertEquals(0, hyperfoil.exit(), figures);
        assertEquals((long) CONCURRENCY * MEASURED_WAVES, waves.getLong("requests"), figures);
        assertEquals((long) CONCURRENCY * MEASURED_WAVES, loopbench.getTotalCount(), figures);
        assertTrue(Math.abs(hyperfoilP50 - loopbenchP50) <= TOLERANCE * loopbenchP50, figures);
    }

    /** As ConcurrentRequestsBenchmark measures: warm waves first, then each successful request's latency. */
    private static Histogram loopbenchLatencyMicros(String handler) throws Exception {
        Recorder latencyNanos = new Recorder(3); // WaveClient records nanoseconds
        double predicted = WaveModel.predictedMillis(handler, CONCURRENCY, DELAY_MS, server.shape());
        try (WaveClient client = WaveClient.open(
                RequestUrls.requestUrl(server.baseUrl(), handler, DELAY_MS),
                CONCURRENCY,
                WaveClient.timeoutMillis(CONCURRENCY, DELAY_MS, predicted),
                latencyNanos)) {
            for (int i = 0; i < WARMUP_WAVES + MEASURED_WAVES; i++) {
                if (i == WARMUP_WAVES) {
                    latencyNanos.getIntervalHistogram(); // drops the warm-up's latencies
                }
                WaveClient.Wave wave = client.fire();
                assertEquals(0, wave.failures(), handler + ": loopbench's wave " + i + " failed: " + wave.firstError());
            }
        }
        return latencyNanos.getIntervalHistogram();
    }

    private static HyperfoilRun hyperfoil(String handler, Path dir) throws Exception {
        ExportOptions options = ExportOptions.defaults()
                .withBaseUrl(server.baseUrl())
                .withHandlers(List.of(handler))
                .withDelayMs(DELAY_MS)
                .withLoad(new Load.Waves(CONCURRENCY, WARMUP_WAVES, MEASURED_WAVES))
                .withShape(server.shape().orElseThrow());
        return HyperfoilRun.of(HyperfoilExport.write(options, dir).get(0));
    }
}
