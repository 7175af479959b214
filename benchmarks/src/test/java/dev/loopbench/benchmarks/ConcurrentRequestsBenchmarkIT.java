package dev.loopbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.HandlerStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;

/**
 * A JMH smoke run in the jmh-core-it style: the real Runner, one fork, no warm-up, one short
 * iteration. It checks the model's ordering by ratio, not any absolute time.
 */
@DisplayName("ConcurrentRequestsBenchmark under JMH")
class ConcurrentRequestsBenchmarkIT {

    @Test
    @DisplayName(
            "event-loop sleep at N = 8 on one event loop is several times slower than a timer, with no failed request,"
                    + " with either client")
    void blockingTheEventLoopCostsWhatTheModelSays() throws Exception {
        Path output = Files.createTempFile("jmh-smoke", ".txt");
        Options options = JmhRuns.smoke(output)
                .param("handler", "event-loop-sleep", "timer")
                .param("concurrency", "8")
                .param("delayMs", "50")
                .param("eventLoops", "1")
                .param("client", "core", "web")
                .shouldFailOnError(true)
                .build();

        Map<String, RunResult> byHandler = new TreeMap<>();
        for (RunResult result : new Runner(options).run()) {
            byHandler.put(
                    result.getParams().getParam("handler") + " "
                            + result.getParams().getParam("client"),
                    result);
        }

        String context = "scores " + JmhRuns.describe(byHandler) + "; JMH output in " + output;
        assertEquals(4, byHandler.size(), context);
        for (String client : new String[] {"core", "web"}) {
            double sleep = byHandler
                    .get("event-loop-sleep " + client)
                    .getPrimaryResult()
                    .getScore();
            double timer = byHandler.get("timer " + client).getPrimaryResult().getScore();
            // the model: 8 x 50 = 400 ms against 50 ms, a ratio of 8; a cold JIT may slow the timer
            assertTrue(
                    sleep / timer >= 4,
                    "client=" + client + ": event-loop sleep should be at least 4x slower than the timer: " + context);
            assertTrue(
                    sleep >= 0.95 * 400,
                    "client=" + client + ": 8 sleeps of 50 ms on one event loop cannot take less than 400 ms: "
                            + context);
        }
        for (RunResult result : byHandler.values()) {
            var secondary = result.getAggregatedResult().getSecondaryResults(); // JMH types it with a raw Result
            // counted per request sent in measured waves: 8 each, at least one wave
            double requests = secondary.get("requests").getScore();
            assertTrue(
                    requests >= 8 && requests % 8 == 0, "requests counted in waves of 8: " + requests + "; " + context);
            assertEquals(0.0, secondary.get("newConnections").getScore(), "the warm pool must hold: " + context);
            assertTrue(
                    secondary.containsKey("predicted")
                            && secondary.containsKey("latencyP99")
                            && secondary.containsKey("effectiveParallelism"),
                    "the profiler's metrics: " + secondary.keySet());
        }
        assertEquals(
                400.0,
                byHandler
                        .get("event-loop-sleep core")
                        .getAggregatedResult()
                        .getSecondaryResults()
                        .get("predicted")
                        .getScore(),
                1e-9,
                context);
    }

    @Test
    @DisplayName("the @Param list of handlers is exactly loopbench's handlers")
    void handlerParamMatchesTheModel() throws Exception {
        String[] declared = ConcurrentRequestsBenchmark.class
                .getField("handler")
                .getAnnotation(Param.class)
                .value();
        String[] paths =
                Arrays.stream(HandlerStyle.values()).map(HandlerStyle::path).toArray(String[]::new);
        assertEquals(List.of(paths), List.of(declared));
    }
}
