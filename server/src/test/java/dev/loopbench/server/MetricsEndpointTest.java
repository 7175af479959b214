package dev.loopbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.loopbench.model.ServerShape;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("/metrics")
class MetricsEndpointTest {

    private static final ServerShape SHAPE = new ServerShape(2, 4, 2);
    private static final int N = 6;
    private static final int D = 100;
    private static final String LAG = "loopbench_event_loop_lag_seconds";
    private static final String WORKERS = "vert.x-worker-thread";

    private static InProcessServer server;

    /** Scrapes before any test: the first ones load and compile the renderer, on an event loop. */
    @BeforeAll
    static void start() throws IOException {
        server = InProcessServer.quiet(SHAPE, N);
        for (int i = 0; i < 50; i++) {
            scrape();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("answers 200 in the Prometheus text format, with a lag histogram and max for every event loop")
    void servesTheLagOfEveryEventLoop() throws IOException {
        RawHttp.Reply reply = RawHttp.send(server.url(), get("/metrics"));
        assertEquals(200, reply.status(), "got " + reply);
        assertTrue(
                reply.headers().toLowerCase(Locale.ROOT).contains("content-type: text/plain; version=0.0.4"),
                "got " + reply.headers());
        PrometheusText metrics = new PrometheusText(reply.body());

        Set<String> receivedOn = new TreeSet<>();
        server.client
                .fire("/timer?ms=20", N)
                .assertAllOk()
                .bodies()
                .forEach(body -> receivedOn.add(body.getString("receivedOn")));
        Set<String> probed = metrics.labelValues(LAG + "_bucket", "loop");
        assertEquals(SHAPE.eventLoops(), probed.size(), "one lag histogram per event loop: " + probed);
        assertEquals(receivedOn, probed, "the loops that received requests are the loops probed");
        for (String loop : probed) {
            assertTrue(metrics.value(LAG + "_count", "loop", loop) > 0, loop + " has ticked:\n" + reply.body());
            metrics.value(LAG + "_max", "loop", loop);
        }
    }

    @Test
    @DisplayName("shows a lag of at least 0.8 D on each loop after a wave of event-loop-sleep")
    void showsTheLagOfSleepingOnTheLoop() throws IOException {
        PrometheusText before = scrape();
        JsonObject[] bodies = server.client
                .fire("/event-loop-sleep?ms=" + D, N)
                .assertAllOk()
                .bodies()
                .toArray(JsonObject[]::new);
        PrometheusText after = scrape();
        Set<String> loops = new TreeSet<>();
        Arrays.stream(bodies).forEach(body -> loops.add(body.getString("receivedOn")));
        for (String loop : loops) {
            double[] highest = after.buckets(LAG, "loop", loop).highestNewSample(before.buckets(LAG, "loop", loop));
            double max = after.value(LAG + "_max", "loop", loop);
            String context = String.format(
                    Locale.ROOT,
                    "%s after %d x event-loop-sleep?ms=%d on E=%d: largest new lag in (%s] s, max %.4f s",
                    loop,
                    N,
                    D,
                    SHAPE.eventLoops(),
                    highest == null ? "none" : highest[0] + ", " + highest[1],
                    max);
            assertTrue(highest != null && highest[1] >= 0.8 * D / 1e3, context);
            assertTrue(max >= 0.8 * D / 1e3, context);
            System.out.println("lag ok: " + context);
        }
    }

    @Test
    @DisplayName("shows a lag well under D on every loop while only timer waves run")
    void showsLittleLagForTimers() throws IOException {
        // the first requests and scrapes load classes on the loop (70 to 200 ms of lag): not what is measured
        server.client.fire("/timer?ms=0", N).assertAllOk();
        scrape();
        PrometheusText before = scrape();
        for (int i = 0; i < 10; i++) {
            server.client.fire("/timer?ms=" + D / 5, N).assertAllOk();
        }
        PrometheusText after = scrape();
        for (String loop : after.labelValues(LAG + "_bucket", "loop")) {
            double[] highest = after.buckets(LAG, "loop", loop).highestNewSample(before.buckets(LAG, "loop", loop));
            String context = String.format(
                    Locale.ROOT,
                    "%s during 10 waves of %d x timer?ms=%d: largest new lag in (%s] s, allowed up to D / 2 = %.3f s",
                    loop,
                    N,
                    D / 5,
                    highest == null ? "none" : highest[0] + ", " + highest[1],
                    D / 2e3);
            assertTrue(highest != null, "the probe should have ticked: " + context);
            assertTrue(highest[1] <= D / 2e3, context);
            System.out.println("lag ok: " + context);
        }
    }

    @Test
    @DisplayName("with --lag-probe-ms 0 has no lag metric, and still the worker pool counts")
    void lagProbeOff() throws IOException {
        LoopbenchServer off = Await.await(LoopbenchServer.start(ServerConfig.defaults()
                .withPort(0)
                .withShape(SHAPE)
                .withWarnBlockedMs(0)
                .withLagProbeMs(0)));
        try {
            String metrics = RawHttp.send(off.url(), get("/metrics")).body();
            assertTrue(!metrics.contains(LAG), "no lag metric with the probe off:\n" + metrics);
            assertEquals(
                    0, new PrometheusText(metrics).value("loopbench_worker_pool_queued", "pool", WORKERS), metrics);
            String health = RawHttp.send(off.url(), get("/health")).body();
            assertEquals(0, new JsonObject(health).getInteger("lagProbeMs"), health);
        } finally {
            Await.await(off.close());
        }
    }

    static Stream<Arguments> workerWaves() {
        return Stream.of(
                // W = 4 threads take 4 requests, the other 2 wait for one
                arguments("execute-blocking-unordered", SHAPE.workerPoolSize(), N - SHAPE.workerPoolSize()),
                // one task at a time per event loop's context: 2 run, 4 wait in their context's queue though 2
                // threads are idle, which the pool's own executor queue would not show
                arguments("execute-blocking-ordered", SHAPE.eventLoops(), N - SHAPE.eventLoops()));
    }

    @ParameterizedTest(name = "{0}: {1} active and {2} queued during a wave of 6 on E=2, W=4")
    @MethodSource("workerWaves")
    void countsTheWorkerPoolQueueAndActiveTasks(String handler, int expectedActive, int expectedQueued)
            throws Exception {
        CompletableFuture<WaveTestClient.Wave> wave =
                CompletableFuture.supplyAsync(() -> server.client.fire("/" + handler + "?ms=300", N));
        // (active, queued) as scraped; while the wave arrives, tasks are queued a moment before threads take them
        Set<String> seen = new LinkedHashSet<>();
        int maxActive = 0;
        while (!wave.isDone()) {
            PrometheusText metrics = scrape();
            int active = (int) metrics.value("loopbench_worker_pool_active", "pool", WORKERS);
            int queued = (int) metrics.value("loopbench_worker_pool_queued", "pool", WORKERS);
            seen.add("(" + active + ", " + queued + ")");
            maxActive = Math.max(maxActive, active);
            Thread.sleep(10);
        }
        wave.get(10, TimeUnit.SECONDS).assertAllOk();
        String steady = "(" + expectedActive + ", " + expectedQueued + ")";
        String context = handler + "?ms=300 x " + N + " on " + SHAPE + ": (active, queued) seen " + seen + ", expected "
                + steady + " while the first tasks run";
        assertTrue(seen.contains(steady), context);
        assertEquals(expectedActive, maxActive, "never more active than that: " + context);
        assertIdleWithin(1_000, context);
        System.out.println("pool ok: " + context);
    }

    /** A task counts as active until its thread is done with it, a moment after its reply has gone. */
    private static void assertIdleWithin(long millis, String context) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        PrometheusText metrics = scrape();
        while ((metrics.value("loopbench_worker_pool_active", "pool", WORKERS) > 0
                        || metrics.value("loopbench_worker_pool_queued", "pool", WORKERS) > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
            metrics = scrape();
        }
        assertEquals(0, metrics.value("loopbench_worker_pool_active", "pool", WORKERS), "after the wave, " + context);
        assertEquals(0, metrics.value("loopbench_worker_pool_queued", "pool", WORKERS), "after the wave, " + context);
    }

    private static PrometheusText scrape() throws IOException {
        RawHttp.Reply reply = RawHttp.send(server.url(), get("/metrics"));
        assertEquals(200, reply.status(), "/metrics answered " + reply);
        return new PrometheusText(reply.body());
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }
}
