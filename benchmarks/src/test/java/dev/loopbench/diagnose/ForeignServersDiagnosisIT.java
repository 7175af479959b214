package dev.loopbench.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.Peers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * diagnose against servers nobody here wrote the way loopbench's server is written, each started
 * by the test on the loopback, each with lanes known by construction, and each with a cost per
 * request of its own kind: a Nagle stall on every keep-alive answer, a new connection per request,
 * a listen backlog of 5. D = 50 ms, so that a 40 ms stall is about D, the case issue 17 was misread on.
 */
@DisplayName("Diagnosing servers that are not loopbench's, with a fixed cost per request")
class ForeignServersDiagnosisIT {

    private static final int DELAY_MS = 50;
    private static final int NO_STALL_DELAY_MS = 200;

    private static final Path CLOSING_SERVER =
            Path.of("src", "test", "resources", "servers", "closing_server.py").toAbsolutePath();

    @Test
    @DisplayName("a plain HTTP/1.1 server writing headers and body apart, one lane: lanes 1, the Nagle stall named")
    void twoWritesOneLane() throws Exception {
        try (TwoWriteServer server = TwoWriteServer.start(1)) {
            assertLanesAndStall(sweep(server.url(), OptionalInt.of(DELAY_MS), 8), 1, true);
        }
    }

    @Test
    @DisplayName("a plain HTTP/1.1 server writing headers and body apart, three lanes: lanes 3, the Nagle stall named")
    void twoWritesThreeLanes() throws Exception {
        try (TwoWriteServer server = TwoWriteServer.start(3)) {
            assertLanesAndStall(sweep(server.url(), OptionalInt.of(DELAY_MS), 16), 3, true);
        }
    }

    @Test
    @DisplayName("the same three-lane server without --ms: D is the staircase's step, lanes 3, the stall named")
    void twoWritesWithoutMs() throws Exception {
        try (TwoWriteServer server = TwoWriteServer.start(3)) {
            LanesSweep.Result result = sweep(server.url(), OptionalInt.empty(), 16);
            String verdict = describe(result);
            if (!result.fit().exact() && result.fit().lanes().equals(OptionalInt.of(4))) {
                // without --ms the step is fitted too; on a machine that adds some 10 ms to each answer, 4 lanes of
                // 68 ms can fit the probes as well as 3 of 50: the verdict must then say its step is not pinned
                // and name 3 as the next best, not claim 4
                assertTrue(verdict.contains("not pinned") && verdict.contains("next best L = 3"), verdict);
                return;
            }
            assertLanesAndStall(result, 3, true);
            assertEquals(TwoWriteServer.DEFAULT_DELAY_MS, result.fit().delayMillis(), 0.3 * DELAY_MS, verdict);
        }
    }

    @Test
    @DisplayName("the JDK HttpServer with two threads, without nodelay: lanes 2, the Nagle stall named")
    void jdkServerWithoutNodelay() throws Exception {
        try (Server server = Server.start(jdk(false, 2))) {
            assertLanesAndStall(sweep(server.url, OptionalInt.of(DELAY_MS), 8), 2, true);
        }
    }

    @Test
    @DisplayName("the JDK HttpServer with two threads and -Dsun.net.httpserver.nodelay=true: lanes 2, no stall named")
    void jdkServerWithNodelay() throws Exception {
        // D = 200 ms: what a machine adds to each answer (11 ms on one VM: the first byte at 61 ms for a 50 ms
        // wait) is a fixed cost at D = 50, and is not what this case is about
        try (Server server = Server.start(jdk(true, 2))) {
            assertLanesAndStall(sweep(server.url, OptionalInt.of(NO_STALL_DELAY_MS), 8), 2, false);
        }
    }

    @Test
    @DisplayName("Python's ThreadingHTTPServer, HTTP/1.0 and two lanes: lanes 2, a new connection per request named")
    void pythonClosesEveryConnection() throws Exception {
        try (Server server = Server.start(python(2, 128))) {
            LanesSweep.Result result = sweep(server.url, OptionalInt.of(DELAY_MS), 16);
            String verdict = describe(result);
            assertEquals(OptionalInt.of(2), result.fit().lanes(), verdict);
            String fixedCost = LanesVerdict.lines(result).get(1);
            assertTrue(
                    fixedCost.startsWith("fixed cost:")
                            && fixedCost.contains("every request opens a new connection")
                            && fixedCost.contains("HTTP/1.0"),
                    verdict);
        }
    }

    @Test
    @DisplayName("the same with socketserver's listen backlog of 5: lanes 2, or unsure naming the backlog")
    void pythonSmallBacklog() throws Exception {
        try (Server server = Server.start(python(2, 5))) {
            LanesSweep.Result result = sweep(server.url, OptionalInt.of(DELAY_MS), 16);
            String verdict = describe(result);
            assertEquals(OptionalInt.of(2), result.fit().lanes(), verdict);
            String confidence = LanesVerdict.lines(result).get(2);
            assertTrue(
                    confidence.startsWith("sure:") || confidence.contains("listen backlog"),
                    "a sure verdict, or one that names the backlog: " + verdict);
        }
    }

    private static void assertLanesAndStall(LanesSweep.Result result, int lanes, boolean stall) {
        String verdict = describe(result);
        assertEquals(OptionalInt.of(lanes), result.fit().lanes(), verdict);
        // a stalled server's queued answers do not all wait for the delayed ACK (quick-ACK mode), so a
        // probe can land off its step: then the verdict says unsure and names it, the lanes stay right
        assertTrue(
                result.fit().exact()
                        || (stall && LanesVerdict.lines(result).get(2).startsWith("unsure:")),
                "pinned, or a stalled server's probe named off its step: " + verdict);
        assertEquals(stall, verdict.contains("Nagle"), "the stall named: " + stall + "\n" + verdict);
        if (stall) {
            assertTrue(LanesVerdict.lines(result).get(1).startsWith("fixed cost: "), verdict);
            // the stall is the client's delayed ACK, 40 ms on Linux: between a fifth of D and 1.5 D at D = 50
            assertTrue(
                    result.fit().offsetMillis() > 0.2 * DELAY_MS && result.fit().offsetMillis() < 1.5 * DELAY_MS,
                    verdict);
        } else {
            assertFalse(LanesVerdict.lines(result).get(1).startsWith("fixed cost: "), verdict);
        }
    }

    private static LanesSweep.Result sweep(String url, OptionalInt delayMs, int maxConcurrency)
            throws InterruptedException {
        return LanesSweep.run(new LanesSweep.Settings(url, "work", delayMs, maxConcurrency), (probe, delay) -> {});
    }

    private static String describe(LanesSweep.Result result) {
        return String.join("\n", LanesVerdict.lines(result)) + "\nprobes: " + result.probes() + "\none at a time: "
                + result.answers();
    }

    private static List<String> jdk(boolean nodelay, int threads) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (nodelay) {
            command.add("-Dsun.net.httpserver.nodelay=true");
        }
        command.addAll(List.of(
                "-cp",
                Path.of("target", "test-classes").toAbsolutePath().toString(),
                JdkPoolServer.class.getName(),
                Integer.toString(threads)));
        return command;
    }

    private static List<String> python(int lanes, int backlog) {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Peers.require(runs(python), "skipped: no " + python + " to run Python's http.server (apt-get install python3)");
        return List.of(python, CLOSING_SERVER.toString(), Integer.toString(lanes), "0", Integer.toString(backlog));
    }

    private static boolean runs(String program) {
        try {
            return new ProcessBuilder(program, "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A server in a process of its own, up once it printed {@code listening on URL}. */
    private record Server(Process process, String url) implements AutoCloseable {

        static Server start(List<String> command) throws Exception {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("listening on ")) {
                            return line.substring("listening on ".length()).strip();
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            String url = listening.get(30, TimeUnit.SECONDS);
            if (url == null) {
                process.destroyForcibly();
                throw new IllegalStateException("no 'listening on' line from " + command);
            }
            Thread drain = new Thread(() -> out.lines().count(), "server-output");
            drain.setDaemon(true);
            drain.start();
            return new Server(process, url);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
