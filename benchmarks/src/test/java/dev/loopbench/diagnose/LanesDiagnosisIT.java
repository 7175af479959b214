package dev.loopbench.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.benchmarks.JdkHttpServer;
import dev.loopbench.targets.InProcessTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The diagnosis run for real, against servers whose lanes are known by construction. */
@DisplayName("Diagnosing an endpoint's lanes")
class LanesDiagnosisIT {

    /**
     * A wave in one round ends below 1.5 D; on a busy 2-core machine (load average 10) a wave of 64
     * took up to 30 ms longer than D, which 50 ms of headroom absorbs and 25 ms did not.
     */
    private static final int DELAY_MS = 100;

    @Test
    @DisplayName("finds lanes: 1 for a JDK server with a pool of one thread")
    void oneThread() throws Exception {
        assertLanes(1, 8);
    }

    @Test
    @DisplayName("finds lanes: 3 for a JDK server with a pool of three threads")
    void threeThreads() throws Exception {
        assertLanes(3, 16);
    }

    @Test
    @DisplayName("finds lanes: unbounded for loopbench's /timer")
    void timerIsUnbounded() throws Exception {
        try (InProcessTarget loopbench = InProcessTarget.start(2)) {
            LanesSweep.Result result = sweep(loopbench.baseUrl(), "timer", 64);
            assertTrue(result.fit().unbounded(), describe(result));
            assertTrue(LanesVerdict.lines(result).get(0).startsWith("lanes: unbounded up to N = 64"), describe(result));
        }
    }

    private static void assertLanes(int threads, int maxConcurrency) throws Exception {
        try (JdkHttpServer server = JdkHttpServer.start(threads, JdkHttpServer.Behaviour.PLAIN)) {
            LanesSweep.Result result = sweep(server.url(), "sleep", maxConcurrency);
            assertEquals(OptionalInt.of(threads), result.fit().lanes(), describe(result));
            assertTrue(result.fit().exact(), describe(result));
            assertTrue(LanesVerdict.lines(result).get(0).startsWith("lanes: " + threads + " "), describe(result));
        }
    }

    private static LanesSweep.Result sweep(String url, String path, int maxConcurrency) throws Exception {
        List<String> seen = new ArrayList<>();
        return LanesSweep.run(
                new LanesSweep.Settings(url, path, OptionalInt.of(DELAY_MS), maxConcurrency),
                (probe, delay) -> seen.add(probe.toString()));
    }

    private static String describe(LanesSweep.Result result) {
        return String.join("\n", LanesVerdict.lines(result)) + "\nprobes: " + result.probes();
    }
}
