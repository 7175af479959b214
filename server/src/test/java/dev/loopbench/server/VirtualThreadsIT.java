package dev.loopbench.server;

import static dev.loopbench.server.ModelAssertions.assertWaveMatchesModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The virtual-thread handlers, in a server process on a JDK 21+ found on this machine, so they
 * are tested even when the build runs on JDK 17. Skipped, saying where it looked, when there is none;
 * failed instead when {@code LOOPBENCH_REQUIRE_VT} is set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Virtual-thread handlers on a JDK 21+ server process")
class VirtualThreadsIT {

    /** V = 4 instances, more than the 2 cores of a small machine, so that computing shows min(V, C) lanes. */
    private static final ServerShape SHAPE = new ServerShape(1, 4, 4);

    private static final int N = 8;
    private static final int D = 50;

    private ServerProcess server;
    private WaveTestClient client;
    /** SHAPE with the server's own C, from its /health. */
    private ServerShape shape;

    @BeforeAll
    void start() throws Exception {
        Jdks.Jdk jdk = Jdks.withVirtualThreadsOrSkip();
        System.out.println("virtual-thread tests run the server on " + jdk);
        server = ServerProcess.start(
                jdk,
                "--port",
                "0",
                "--event-loops",
                Integer.toString(SHAPE.eventLoops()),
                "--worker-pool-size",
                Integer.toString(SHAPE.workerPoolSize()),
                "--virtual-thread-instances",
                Integer.toString(SHAPE.virtualThreadInstances()),
                "--warn-blocked-ms",
                "0");
        client = new WaveTestClient(server.url(), N).warm();
        shape = new ServerShape(
                SHAPE.eventLoops(),
                SHAPE.workerPoolSize(),
                SHAPE.virtualThreadInstances(),
                client.one("/health").body().getInteger("cores"));
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.terminate(Duration.ofSeconds(40));
        }
    }

    @Test
    @DisplayName("/health says virtual threads are available")
    void healthSaysAvailable() {
        WaveTestClient.Response health = client.one("/health");
        assertEquals(true, health.body().getBoolean("virtualThreads"), health + "\n" + server.describe());
    }

    /**
     * ThreadMXBean has no CPU clock for a virtual thread, so the burn reads its carrier's; the
     * server process's CPU time, as the OS counts it, checks that from outside. Besides the burn
     * the process spends a few ms on the request and on the lag probe (some 4 ms a second).
     */
    @Test
    @DisplayName("a virtual-thread burn of 500 ms costs the server process 500 ms of CPU")
    void virtualThreadBurnsItsCpuTime() {
        client.one("/" + HandlerStyle.VIRTUAL_THREAD_COMPUTE.path() + "?ms=50"); // loads and compiles the burn
        int ms = 500;
        Duration before = server.cpuTime();
        WaveTestClient.Response response = client.one("/" + HandlerStyle.VIRTUAL_THREAD_COMPUTE.path() + "?ms=" + ms);
        long cpuMs = server.cpuTime().minus(before).toMillis();
        JsonObject body = response.body();
        long wallMs = (body.getLong("finishedNanos") - body.getLong("startedNanos")) / 1_000_000;
        String context = "virtual-thread-compute?ms=" + ms + ": the server process used " + cpuMs
                + " ms of CPU (in 10 ms ticks), the burn took " + wallMs + " ms of wall time; " + response;
        assertEquals(200, response.status(), context);
        assertTrue(cpuMs >= ms - 10 && cpuMs <= ms * 1.1 + 20, context);
        System.out.println("burn ok: " + context);
    }

    @ParameterizedTest(name = "{0} waits on a virtual thread")
    @EnumSource(
            value = HandlerStyle.class,
            names = {"VIRTUAL_THREAD_SLEEP", "VIRTUAL_THREAD_AWAIT", "VIRTUAL_THREAD_COMPUTE"})
    void waitsOnAVirtualThread(HandlerStyle style) {
        WaveTestClient.Response response = client.one("/" + style.path() + "?ms=20");
        assertEquals(200, response.status(), response + "\n" + server.describe());
        assertEquals(style.path(), response.body().getString("handler"), response.toString());
        assertTrue(response.body().getString("thread").startsWith("vert.x-virtual-thread-"), response.toString());
        assertTrue(response.body().getString("receivedOn").startsWith("vert.x-eventloop-thread-"), response.toString());
    }

    @ParameterizedTest(name = "{0} follows the model ceil(N / L) x D")
    @EnumSource(
            value = HandlerStyle.class,
            names = {"VIRTUAL_THREAD_SLEEP", "VIRTUAL_THREAD_AWAIT", "VIRTUAL_THREAD_COMPUTE"})
    void followsTheModel(HandlerStyle style) {
        assertWaveMatchesModel(client, style, shape, N, D);
    }
}
