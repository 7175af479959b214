package dev.loopbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.benchmarks.JdkHttpServer.Behaviour;
import dev.loopbench.model.ModelFit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * loopbench pointed at servers that are neither loopbench's nor Vert.x, end to end through the
 * JMH runner: the JDK's {@code HttpServer} with a fixed pool of k threads, whose lanes are k.
 */
@DisplayName("A server that is not loopbench's")
class OtherServersIT {

    /**
     * Long enough that what a machine adds to each round (some 9 ms on one VM: a JDK server's 4
     * rounds of 50 ms took 236 ms) stays inside the fit's 10%.
     */
    private static final int DELAY_MS = 200;

    @Test
    @DisplayName("with a fixed pool of one thread is measured as one lane: N = 4 waits of 200 ms take about 800 ms")
    void oneThreadIsOneLane() throws Exception {
        assertLanes(1, 4);
    }

    @Test
    @DisplayName("with a fixed pool of three threads is measured as three lanes: N = 12 waits take about 4 x 200 ms")
    void threeThreadsAreThreeLanes() throws Exception {
        assertLanes(3, 12);
    }

    @Test
    @DisplayName(
            "that answers any Upgrade request with 400, as uvicorn does, is measured: loopbench never asks for one")
    void neverAsksForAnUpgrade() throws Exception {
        try (JdkHttpServer server = JdkHttpServer.start(4, Behaviour.REJECTS_UPGRADE)) {
            Measured measured = measure(server, 4);
            assertEquals(1, measured.results.size(), "one score expected; JMH printed:\n" + measured.printed);
            assertEquals(0, server.upgradeRequests.get(), "requests with an Upgrade header: " + server.upgradeRequests);
        }
    }

    @Test
    @DisplayName("that closes every connection is measured, and newConnections shows the set-up inside the numbers")
    void closedConnectionsAreMeasuredNotFailed() throws Exception {
        try (JdkHttpServer server = JdkHttpServer.start(4, Behaviour.CLOSES_CONNECTIONS)) {
            Measured measured = measure(server, 4);
            assertEquals(1, measured.results.size(), "one score expected; JMH printed:\n" + measured.printed);
            double opened = measured.results
                    .iterator()
                    .next()
                    .getAggregatedResult()
                    .getSecondaryResults()
                    .get("newConnections")
                    .getScore();
            double requests = measured.results
                    .iterator()
                    .next()
                    .getAggregatedResult()
                    .getSecondaryResults()
                    .get("requests")
                    .getScore();
            assertEquals(
                    requests, opened, "a new connection for every measured request; JMH printed:\n" + measured.printed);
        }
    }

    private static void assertLanes(int lanes, int concurrency) throws Exception {
        try (JdkHttpServer server = JdkHttpServer.start(lanes, Behaviour.PLAIN)) {
            Measured measured = measure(server, concurrency);
            assertEquals(1, measured.results.size(), "one score expected; JMH printed:\n" + measured.printed);
            double wave = measured.results.iterator().next().getPrimaryResult().getScore();
            // one round as this machine serves it: D plus what it adds to each answer (9 to 22 ms a round on one
            // VM), which the model of a foreign server has no T0 for
            double round = Math.max(
                    DELAY_MS,
                    measure(server, 1)
                            .results
                            .iterator()
                            .next()
                            .getPrimaryResult()
                            .getScore());
            double model = Math.ceil((double) concurrency / lanes) * round;
            String context = String.format(
                    "k = %d threads, N = %d, D = %d ms: measured %.1f ms, one round (N = 1) %.1f ms, model"
                            + " ceil(N / k) x round = %.0f ms; with one lane more or less the model would be %.0f or %.0f ms",
                    lanes,
                    concurrency,
                    DELAY_MS,
                    wave,
                    round,
                    model,
                    Math.ceil((double) concurrency / (lanes + 1)) * round,
                    Math.ceil((double) concurrency / Math.max(1, lanes - 1)) * round);
            assertTrue(
                    wave >= 0.97 * Math.ceil((double) concurrency / lanes) * DELAY_MS,
                    "k threads cannot wait faster than ceil(N / k) x D: " + context);
            assertTrue(ModelFit.fits(wave, model), "the summary's fit, " + ModelFit.describe() + ": " + context);
        }
    }

    private record Measured(Collection<RunResult> results, String printed) {}

    private static Measured measure(JdkHttpServer server, int concurrency) throws Exception {
        Path output = Files.createTempFile("jmh-other-server", ".txt");
        Options options = JmhRuns.smoke(output)
                .warmupIterations(1) // a cold first iteration adds some 5 ms a round to the JDK server's waits
                .warmupTime(TimeValue.seconds(1))
                .param("target", server.url())
                .param("handler", "sleep")
                // its /health would queue for the same k threads: bystanders would take from the lanes counted here
                .param("bystander", ConcurrentRequestsBenchmark.NO_BYSTANDER)
                .param("concurrency", Integer.toString(concurrency))
                .param("delayMs", Integer.toString(DELAY_MS))
                .shouldFailOnError(false)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertFalse(printed.contains("\tat "), "no stack trace:\n" + printed);
        return new Measured(results, printed);
    }
}
