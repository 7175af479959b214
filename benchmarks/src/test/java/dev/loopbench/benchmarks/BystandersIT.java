package dev.loopbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaveModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;

/** The second half of the lesson: what a blocked loop costs the requests that share it. */
@DisplayName("Bystanders")
class BystandersIT {

    private static final int DELAY_MS = 50;
    private static final int CONCURRENCY = 8;

    @Test
    @DisplayName("wait several D behind event-loop sleeps (E = 1, N = 8, D = 50 ms), and a few ms beside a timer;"
            + " the loop's own lag says the same")
    void waitBehindTheSleepers() throws Exception {
        Path output = Files.createTempFile("jmh-bystanders", ".txt");
        Map<String, Map<String, Result>> byHandler = new TreeMap<>();
        Map<String, Double> waveMillis = new TreeMap<>();
        for (RunResult result : new Runner(JmhRuns.smoke(output)
                        .param("handler", "event-loop-sleep", "timer")
                        .param("concurrency", Integer.toString(CONCURRENCY))
                        .param("delayMs", Integer.toString(DELAY_MS))
                        .param("eventLoops", "1")
                        .shouldFailOnError(true)
                        .build())
                .run()) {
            byHandler.put(
                    result.getParams().getParam("handler"),
                    result.getAggregatedResult().getSecondaryResults());
            waveMillis.put(
                    result.getParams().getParam("handler"),
                    result.getAggregatedResult().getPrimaryResult().getScore());
        }
        String context = "JMH output in " + output + "; waves " + waveMillis + "; " + describe(byHandler);
        assertEquals(2, byHandler.size(), context);
        double sleepModel = WaveModel.bystanderWaitMillis(
                HandlerStyle.EVENT_LOOP_SLEEP, CONCURRENCY, DELAY_MS, new ServerShape(1, 20, 1));
        double sleeping = byHandler
                .get("event-loop-sleep")
                .get(WaveProfiler.BYSTANDER_MAX)
                .getScore();
        double beside = byHandler.get("timer").get(WaveProfiler.BYSTANDER_MAX).getScore();
        assertTrue(sleeping >= 3 * DELAY_MS, "behind 8 sleeps of 50 ms on the only loop: several D; " + context);
        // the worst case is the whole wave on the loop, the model's or the measured one where a machine's wake-ups
        // make it longer (some 10 ms a round on one VM); a bystander sent just before it ends waits a D more
        double wholeWave = Math.max(sleepModel, waveMillis.get("event-loop-sleep"));
        assertTrue(
                sleeping <= wholeWave + DELAY_MS + 15,
                "at most the wave on its loop (model " + sleepModel + " ms, measured "
                        + waveMillis.get("event-loop-sleep") + " ms); " + context);
        double besideMedian =
                byHandler.get("timer").get(WaveProfiler.BYSTANDER_P50).getScore();
        assertTrue(besideMedian < DELAY_MS / 10.0, "a timer leaves the loop free: a few ms; " + context);
        // one hiccup of a busy machine can make any single request slow (43 ms at load 6): the worst
        // beside a timer is still a small part of the worst behind the sleeps
        assertTrue(beside < sleeping / 4, "the worst beside a timer, against behind the sleeps; " + context);
        assertTrue(byHandler.get("timer").get("bystanders").getScore() > 0, "bystanders were counted; " + context);
        // the server's own view of the same harm: its loop ran its ticks as late as the bystanders waited
        double lagBehind = byHandler
                .get("event-loop-sleep")
                .get(WaveProfiler.EVENT_LOOP_LAG_MAX)
                .getScore();
        double lagBeside =
                byHandler.get("timer").get(WaveProfiler.EVENT_LOOP_LAG_MAX).getScore();
        assertTrue(lagBehind >= 3 * DELAY_MS, "the loop's lag behind 8 sleeps of 50 ms: several D; " + context);
        assertTrue(lagBeside < lagBehind / 4, "a timer's loop runs its ticks on time; " + context);
    }

    private static String describe(Map<String, Map<String, Result>> byHandler) {
        StringBuilder text = new StringBuilder();
        byHandler.forEach((handler, metrics) -> {
            text.append(handler).append(':');
            for (String name : new String[] {
                WaveProfiler.BYSTANDER_P50,
                WaveProfiler.BYSTANDER_P99,
                WaveProfiler.BYSTANDER_MAX,
                "bystanders",
                WaveProfiler.EVENT_LOOP_LAG_P99,
                WaveProfiler.EVENT_LOOP_LAG_MAX
            }) {
                Result metric = metrics.get(name);
                text.append(' ').append(name).append('=').append(metric == null ? "none" : metric.getScore());
            }
            text.append("; ");
        });
        return text.toString();
    }
}
