package dev.loopbench.hyperfoil.local;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real runs with Hyperfoil's local runner against a small Vert.x 4 server in this JVM, on 127.0.0.1. */
@DisplayName("A local Hyperfoil run")
class LocalRunTest {

    private static Vertx vertx;
    private static int port;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        vertx = Vertx.vertx();
        port = vertx.createHttpServer()
                .requestHandler(LocalRunTest::answer)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS)
                .actualPort();
    }

    /** {@code /ok?ms=D}: 200 after D ms; {@code /fail}: 500 at once; {@code /hang}: never answers. */
    private static void answer(HttpServerRequest request) {
        switch (request.path()) {
            case "/ok" ->
                vertx.setTimer(Long.parseLong(request.getParam("ms")), id -> request.response()
                        .end("ok"));
            case "/fail" -> request.response().setStatusCode(500).end("boom");
            case "/hang" -> {}
            default -> request.response().setStatusCode(404).end();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName(
            "counts every request of every wave, warm-up apart, times each wave, and exits 0 when all answered 2xx")
    void waves() throws Exception {
        Path file = Runs.benchmark(
                dir,
                "ok-waves",
                """
                name: ok-waves
                threads: 2
                http:
                  host: http://127.0.0.1:%d
                  allowHttp2: false
                  sharedConnections: 4
                phases:
                - warmup:
                    atOnce:
                      users: 4
                      maxIterations: 2
                      isWarmup: true
                      scenario:
                      - request:
                        - httpRequest:
                            GET: /ok?ms=20
                            metric: ok
                - waves:
                    atOnce:
                      users: 4
                      maxIterations: 5
                      startAfterStrict: warmup/001
                      scenario:
                      - request:
                        - httpRequest:
                            GET: /ok?ms=20
                            metric: ok
                """
                        .formatted(port));
        Runs run = Runs.main(file.toString());

        assertEquals(0, run.exit(), "every request answered 200; " + run);
        JsonObject stats = new JsonObject(Files.readString(dir.resolve("ok-waves.stats.json")));
        JsonObject warmup = stats.getJsonArray("phases").getJsonObject(0);
        JsonObject waves = stats.getJsonArray("phases").getJsonObject(1);
        assertAll(
                "statistics " + stats.encodePrettily() + "\n" + run,
                () -> assertEquals("warmup", warmup.getString("phase")),
                () -> assertEquals(true, warmup.getBoolean("warmup")),
                () -> assertEquals(8, warmup.getLong("requests"), "2 warm-up waves of 4"),
                () -> assertEquals("waves", waves.getString("phase")),
                () -> assertEquals(5, waves.getInteger("iterations")),
                () -> assertEquals(20, waves.getLong("requests"), "5 waves of 4"),
                () -> assertEquals(20, waves.getJsonObject("status").getLong("2xx")),
                () -> assertEquals(0, waves.getLong("errors")),
                () -> assertEquals(0.0, waves.getDouble("blockedMs"), "no wave waited for the one before it"),
                () -> assertTrue(waves.getDouble("p50Ms") >= 20, "a request waits at least its 20 ms"),
                () -> assertTrue(waves.getDouble("maxMs") >= waves.getDouble("p99Ms")),
                () -> assertEquals(5, waves.getJsonArray("iterationMs").size(), "a time per wave, and no more"),
                () -> assertTrue(
                        waves.getJsonArray("iterationMs").stream().allMatch(ms -> ((Number) ms).doubleValue() >= 20),
                        "a wave lasts at least its requests' 20 ms"),
                () -> assertTrue(waves.getLong("cpuNanos") >= 0, "the JVM's CPU over the phase"),
                () -> assertTrue(run.out().contains("waves             ok"), "a table row per phase and metric"));
    }

    @Test
    @DisplayName("reports failed requests, shows no latency for their phase and exits 1")
    void serverErrors() throws Exception {
        Path file = Runs.benchmark(
                dir,
                "fail",
                """
                name: fail
                http:
                  host: http://127.0.0.1:%d
                phases:
                - fail:
                    atOnce:
                      users: 4
                      scenario:
                      - request:
                        - httpRequest:
                            GET: /fail
                            metric: fail
                """
                        .formatted(port));
        Runs run = Runs.main(file.toString());

        assertEquals(1, run.exit(), "failed requests make the exit code 1; " + run);
        assertTrue(
                run.err().contains("loopbench-hyperfoil: phase fail (fail): 4 of 4 requests failed (4 HTTP 5xx)"),
                "one line naming the phase, the count and the kind; " + run);
        assertTrue(
                run.out().matches("(?s).*\\nfail\\s+fail\\s+1\\s+4\\s+4\\s+-\\s+-\\s+-\\s+-\\s.*"),
                "the row has the 4 errors and no latency; " + run);
    }

    @Test
    @DisplayName("counts a timed-out request once, though Hyperfoil also counts its closed connection")
    void timeouts() throws Exception {
        Path file = Runs.benchmark(
                dir,
                "hang",
                """
                name: hang
                http:
                  host: http://127.0.0.1:%d
                  requestTimeout: 300ms
                phases:
                - hang:
                    atOnce:
                      users: 2
                      scenario:
                      - request:
                        - httpRequest:
                            GET: /hang
                            metric: hang
                """
                        .formatted(port));
        Runs run = Runs.main(file.toString());

        JsonObject hang = new JsonObject(Files.readString(dir.resolve("hang.stats.json")))
                .getJsonArray("phases")
                .getJsonObject(0);
        assertAll(
                hang.encodePrettily() + "\n" + run,
                () -> assertEquals(1, run.exit()),
                () -> assertEquals(2, hang.getLong("timeouts")),
                () -> assertEquals(2, hang.getLong("connectionErrors"), "Hyperfoil's double count, kept in the JSON"),
                () -> assertEquals(2, hang.getLong("errors"), "each timed-out request once"),
                () -> assertTrue(run.err().contains("2 of 2 requests failed (2 timed out)")));
    }
}
