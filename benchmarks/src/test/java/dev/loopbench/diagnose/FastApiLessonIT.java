package dev.loopbench.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.Peers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The lesson loopbench retells, measured on its own ground: FastAPI under uvicorn
 * ({@code examples/fastapi_lesson.py}). Needs Debian's python3-uvicorn and python3-fastapi; without
 * them the tests are skipped, saying so ({@code .ci/run} installs them where it can).
 */
@DisplayName("Diagnosing the FastAPI lesson under uvicorn")
class FastApiLessonIT {

    /**
     * A wave in one round ends below 1.5 D; on a busy 2-core machine (load average 10) a wave of 64
     * took up to 30 ms longer than D, which 50 ms of headroom absorbs and 25 ms did not.
     */
    private static final int DELAY_MS = 100;

    private static final Path APP = Path.of("..", "examples").toAbsolutePath().normalize();
    private static Process uvicorn;
    private static String url;

    @BeforeAll
    static void startUvicorn() throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Peers.require(
                hasUvicornAndFastApi(python),
                "skipped: " + python + " cannot import uvicorn and fastapi (apt-get install python3-uvicorn"
                        + " python3-fastapi)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        uvicorn = new ProcessBuilder(
                        python,
                        "-m",
                        "uvicorn",
                        "--app-dir",
                        APP.toString(),
                        "fastapi_lesson:app",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--log-level",
                        "warning")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        url = "http://127.0.0.1:" + port;
        awaitUp();
    }

    @AfterAll
    static void stopUvicorn() throws InterruptedException {
        if (uvicorn != null) {
            uvicorn.destroy();
            if (!uvicorn.waitFor(10, TimeUnit.SECONDS)) {
                uvicorn.destroyForcibly();
            }
        }
    }

    @Test
    @DisplayName("await asyncio.sleep in async def: the waits overlap, lanes: unbounded")
    void asyncSleepOverlaps() throws Exception {
        LanesSweep.Result result = sweep("async-sleep", 64);
        assertTrue(result.fit().unbounded(), describe(result));
    }

    @Test
    @DisplayName("time.sleep in async def: it blocks the only event loop, lanes: 1")
    void sleepInAsyncDefBlocksTheLoop() throws Exception {
        LanesSweep.Result result = sweep("blocking", 8);
        assertEquals(OptionalInt.of(1), result.fit().lanes(), describe(result));
    }

    @Test
    @DisplayName("time.sleep in a plain def: FastAPI's thread pool, lanes: 40")
    void plainDefRunsInAPoolOfForty() throws Exception {
        LanesSweep.Result result = sweep("sync-sleep", 64);
        assertEquals(OptionalInt.of(40), result.fit().lanes(), describe(result));
    }

    private static LanesSweep.Result sweep(String path, int maxConcurrency) throws InterruptedException {
        return LanesSweep.run(
                new LanesSweep.Settings(url, path, OptionalInt.of(DELAY_MS), maxConcurrency), (probe, delay) -> {});
    }

    private static String describe(LanesSweep.Result result) {
        return String.join("\n", LanesVerdict.lines(result)) + "\nprobes: " + result.probes();
    }

    private static boolean hasUvicornAndFastApi(String python) throws InterruptedException {
        try {
            Process check = new ProcessBuilder(python, "-c", "import uvicorn, fastapi")
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader ignored =
                    new BufferedReader(new InputStreamReader(check.getInputStream(), StandardCharsets.UTF_8))) {
                ignored.lines().count();
            }
            return check.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitUp() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(URI.create(url + "/async-sleep?ms=0"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (System.nanoTime() > deadline || !uvicorn.isAlive()) {
                throw new IllegalStateException("uvicorn did not come up at " + url + " within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
