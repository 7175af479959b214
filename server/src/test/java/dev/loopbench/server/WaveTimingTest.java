package dev.loopbench.server;

import static dev.loopbench.server.ModelAssertions.assertWaveMatchesModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Times real waves against an in-process server: the model's arithmetic alone is checked in {@code WaveModelTest}. */
@DisplayName("A wave of N simultaneous requests takes ceil(N / L) x D")
class WaveTimingTest {

    private static final int N = 8;
    private static final int D = 50;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("on one event loop, four workers and one virtual-thread instance (E=1, W=4, V=1)")
    class OneEventLoop {

        private InProcessServer server;

        @BeforeAll
        void start() {
            server = InProcessServer.quiet(new ServerShape(1, 4, 1), N);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(HandlerStyle.class)
        void followsTheModel(HandlerStyle style) {
            assumeTrue(
                    !style.needsVirtualThreads() || server.hasVirtualThreads(),
                    "skipped in-process: " + server.server.virtualThreads().unavailableReason()
                            + "; VirtualThreadsIT checks the model for virtual threads in a JDK 21+ server process");
            assertWaveMatchesModel(server.client, style, server.shape, N, D);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("on two event loops started with --port 0 (E=2, W=4, V=2)")
    class TwoEventLoopsOnPortZero {

        private InProcessServer server;

        @BeforeAll
        void start() {
            server = InProcessServer.quiet(new ServerShape(2, 4, 2), N);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        @DisplayName("connections spread evenly over both event loops")
        void connectionsSpreadOverAllEventLoops() {
            WaveTestClient.Wave wave = server.client.fire("/timer?ms=" + D, N).assertAllOk();
            Map<String, Integer> perLoop = new TreeMap<>();
            for (JsonObject body : wave.bodies()) {
                perLoop.merge(body.getString("receivedOn"), 1, Integer::sum);
            }
            assertEquals(
                    server.shape.eventLoops(),
                    perLoop.size(),
                    "every event loop should have received requests; requests per loop: " + perLoop);
            perLoop.forEach((loop, requests) -> assertEquals(
                    N / server.shape.eventLoops(),
                    requests,
                    "each of " + server.shape.eventLoops() + " loops should get " + N / server.shape.eventLoops()
                            + " of " + N + " connections; requests per loop: " + perLoop));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = HandlerStyle.class,
                names = {"EVENT_LOOP_SLEEP", "EXECUTE_BLOCKING_ORDERED"})
        void blockingStylesGetOneLanePerEventLoop(HandlerStyle style) {
            assertWaveMatchesModel(server.client, style, server.shape, N, D);
        }
    }

    /**
     * With more threads than cores, computing handlers get C lanes, not E or W: on 2 cores a wave
     * of 8 takes ceil(8 / 2) x 50 = 200 ms, where E = 4 loops or W = 20 workers alone would
     * predict 100 or 50 ms. The client shares the cores in this JVM but needs little of them (a
     * wave of 8 costs it well under 1 ms of CPU), so the usual bounds hold; other load on the
     * machine takes cores away and stretches a compute wave: rerun then.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("computing with more threads than cores (E=4, W=20, V=4)")
    class MoreThreadsThanCores {

        private InProcessServer server;

        @BeforeAll
        void start() {
            server = InProcessServer.quiet(new ServerShape(4, 20, 4), N);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = HandlerStyle.class,
                names = {"EVENT_LOOP_COMPUTE", "EXECUTE_BLOCKING_COMPUTE"})
        void getsOneLanePerCore(HandlerStyle style) {
            assertWaveMatchesModel(server.client, style, server.shape, N, D);
        }
    }
}
