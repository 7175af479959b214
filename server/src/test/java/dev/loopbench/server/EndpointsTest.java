package dev.loopbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Every endpoint")
class EndpointsTest {

    private static final ServerShape SHAPE = new ServerShape(2, 4, 2);
    private static final int DELAY_MS = 20;

    private static InProcessServer running;
    private static LoopbenchServer server;
    private static WaveTestClient client;

    @BeforeAll
    static void start() {
        running = InProcessServer.withDefaultWarnings(SHAPE, 4);
        server = running.server;
        client = running.client;
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @ParameterizedTest(name = "{0} answers 200 with the documented JSON, waiting on the thread its name promises")
    @EnumSource(HandlerStyle.class)
    void answersWithTheDocumentedJson(HandlerStyle style) {
        assumeVirtualThreadsIfNeeded(style);
        WaveTestClient.Response response = client.one("/" + style.path() + "?ms=" + DELAY_MS);
        String context = style.path() + "?ms=" + DELAY_MS + " answered " + response;

        assertEquals(200, response.status(), context);
        JsonObject body = response.body();
        assertEquals(style.path(), body.getString("handler"), context);
        assertEquals(DELAY_MS, body.getInteger("delayMs"), context);
        assertTrue(
                body.getString("thread").startsWith(expectedThreadPrefix(style)),
                "the wait should run on a " + expectedThreadPrefix(style) + "* thread: " + context);
        assertTrue(
                body.getString("receivedOn").startsWith("vert.x-eventloop-thread-"),
                "requests are received on an event loop: " + context);
        long received = body.getLong("receivedNanos");
        long started = body.getLong("startedNanos");
        long finished = body.getLong("finishedNanos");
        assertTrue(received <= started && started <= finished, "timestamps must be in order: " + context);
        assertTrue(
                finished - started >= TimeUnit.MILLISECONDS.toNanos(DELAY_MS) * 95 / 100,
                "the wait must last about " + DELAY_MS + " ms: " + context);
    }

    @ParameterizedTest(name = "{0} accepts ms=0 and answers at once")
    @EnumSource(HandlerStyle.class)
    void acceptsZero(HandlerStyle style) {
        assumeVirtualThreadsIfNeeded(style);
        WaveTestClient.Response response = client.one("/" + style.path() + "?ms=0");
        assertEquals(200, response.status(), style.path() + "?ms=0 answered " + response);
        assertEquals(0, response.body().getInteger("delayMs"), style.path() + "?ms=0 answered " + response);
    }

    @ParameterizedTest(name = "{0} waits 100 ms when ms is not given")
    @EnumSource(
            value = HandlerStyle.class,
            names = {"TIMER", "EXECUTE_BLOCKING_UNORDERED", "EXECUTE_BLOCKING_COMPUTE"})
    void waitsOneHundredMillisecondsByDefault(HandlerStyle style) {
        WaveTestClient.Response response = client.one("/" + style.path());
        assertEquals(100, response.body().getInteger("delayMs"), style.path() + " answered " + response);
    }

    @ParameterizedTest(name = "{0} answers 501 with a JSON error on a JVM without virtual threads")
    @EnumSource(
            value = HandlerStyle.class,
            names = {"VIRTUAL_THREAD_SLEEP", "VIRTUAL_THREAD_AWAIT", "VIRTUAL_THREAD_COMPUTE"})
    void virtualThreadPathsAnswer501WithoutVirtualThreads(HandlerStyle style) {
        assumeFalse(
                server.virtualThreads().available(),
                "this JVM (Java " + System.getProperty("java.version")
                        + ") has virtual threads; the 501 path is tested on JDK 17");
        WaveTestClient.Response response = client.one("/" + style.path() + "?ms=5");
        assertEquals(501, response.status(), style.path() + " answered " + response);
        String error = response.body().getString("error");
        assertTrue(
                error != null && error.contains("JDK 21") && error.contains(System.getProperty("java.version")),
                "the error should say which JDK runs and which is needed: " + response);
    }

    @Test
    @DisplayName(
            "/health reports the pool sizes, the cores, the lag probe, the JDK and whether virtual threads are available")
    void healthReportsTheShape() {
        WaveTestClient.Response response = client.one("/health");
        JsonObject body = response.body();
        assertEquals(200, response.status(), "/health answered " + response);
        assertEquals("up", body.getString("status"), "/health answered " + response);
        assertEquals(SHAPE.eventLoops(), body.getInteger("eventLoops"), "/health answered " + response);
        assertEquals(SHAPE.workerPoolSize(), body.getInteger("workerPoolSize"), "/health answered " + response);
        assertEquals(
                SHAPE.virtualThreadInstances(),
                body.getInteger("virtualThreadInstances"),
                "/health answered " + response);
        assertEquals(
                Runtime.getRuntime().availableProcessors(), body.getInteger("cores"), "/health answered " + response);
        assertEquals(ServerConfig.DEFAULT_LAG_PROBE_MS, body.getInteger("lagProbeMs"), "/health answered " + response);
        assertEquals(System.getProperty("java.version"), body.getString("java"), "/health answered " + response);
        assertEquals(
                server.virtualThreads().available(), body.getBoolean("virtualThreads"), "/health answered " + response);
    }

    static String expectedThreadPrefix(HandlerStyle style) {
        return switch (style) {
            case EVENT_LOOP_SLEEP, TIMER, EVENT_LOOP_COMPUTE -> "vert.x-eventloop-thread-";
            case EXECUTE_BLOCKING_ORDERED, EXECUTE_BLOCKING_UNORDERED, EXECUTE_BLOCKING_COMPUTE ->
                "vert.x-worker-thread-";
            case VIRTUAL_THREAD_SLEEP, VIRTUAL_THREAD_AWAIT, VIRTUAL_THREAD_COMPUTE -> "vert.x-virtual-thread-";
        };
    }

    private static void assumeVirtualThreadsIfNeeded(HandlerStyle style) {
        assumeTrue(
                !style.needsVirtualThreads() || server.virtualThreads().available(),
                "skipped in-process: " + server.virtualThreads().unavailableReason()
                        + "; VirtualThreadsIT tests these endpoints in a JDK 21+ server process");
    }
}
