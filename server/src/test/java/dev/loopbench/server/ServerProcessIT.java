package dev.loopbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.HandlerStyle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("java -jar server/target/loopbench-server.jar")
class ServerProcessIT {

    private static final Pattern READY_LINE = Pattern.compile("listening on http://127\\.0\\.0\\.1:[1-9][0-9]*");
    private static final int SIGTERM_EXIT_CODE = 128 + 15;

    @Test
    @DisplayName("--help prints the usage to stdout and exits 0")
    void help() throws Exception {
        ServerProcess.Finished finished = ServerProcess.run(Jdks.current(), "--help");
        assertEquals(0, finished.exitCode(), finished.toString());
        assertTrue(finished.stdout().startsWith("usage: java -jar loopbench-server.jar"), finished.toString());
    }

    @ParameterizedTest(name = "{0} exits 2 with a message and the usage on stderr")
    @ValueSource(
            strings = {"--bogus", "--port abc", "--port 70000", "--event-loops 0", "--worker-pool-size", "positional"})
    void badFlagsExitTwoWithUsage(String args) throws Exception {
        ServerProcess.Finished finished = ServerProcess.run(Jdks.current(), args.split(" "));
        assertEquals(2, finished.exitCode(), finished.toString());
        assertTrue(finished.stderr().startsWith("loopbench-server: "), "first the reason: " + finished);
        assertTrue(finished.stderr().contains("usage: java -jar loopbench-server.jar"), "then the usage: " + finished);
        assertEquals("", finished.stdout(), "stdout stays clean for scripts: " + finished);
    }

    @Test
    @DisplayName("a port in use exits 1 with one line naming the address")
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ServerProcess.Finished finished =
                    ServerProcess.run(Jdks.current(), "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, finished.exitCode(), finished.toString());
            assertTrue(
                    finished.stderr().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    finished.toString());
            assertTrue(!finished.stderr().contains("\tat "), "no stack trace: " + finished);
        }
    }

    @Test
    @DisplayName("--port 0 prints the ready line with the real port, which serves every endpoint")
    void portZeroPrintsTheRealPort() throws Exception {
        try (ServerProcess server = ServerProcess.start(Jdks.current(), "--port", "0", "--event-loops", "2")) {
            assertEquals(
                    "listening on " + server.url() + "\n",
                    server.stdout(),
                    "exactly one line on stdout: " + server.describe());
            assertTrue(READY_LINE.matcher("listening on " + server.url()).matches(), server.describe());
            assertNotEquals(0, URI.create(server.url()).getPort(), server.describe());
            try (WaveTestClient client = new WaveTestClient(server.url(), 1)) {
                assertEquals(200, client.one("/health").status(), server.describe());
                for (HandlerStyle style : HandlerStyle.values()) {
                    int expected = style.needsVirtualThreads() && Jdks.current().feature() < Jdks.VIRTUAL_THREADS_SINCE
                            ? 501
                            : 200;
                    WaveTestClient.Response response = client.one("/" + style.path() + "?ms=1");
                    assertEquals(
                            expected,
                            response.status(),
                            style.path() + " answered " + response + "\n" + server.describe());
                }
            }
        }
    }

    @ParameterizedTest(name = "SIGTERM while {0} is in flight lets it finish, then exits")
    @ValueSource(strings = {"/execute-blocking-unordered?ms=1500", "/event-loop-sleep?ms=1500"})
    void sigtermLetsRequestsInFlightFinish(String pathAndQuery) throws Exception {
        try (ServerProcess server = ServerProcess.start(Jdks.current(), "--port", "0", "--event-loops", "1");
                WaveTestClient client = new WaveTestClient(server.url(), 1)) {
            CompletableFuture<WaveTestClient.Response> inFlight =
                    CompletableFuture.supplyAsync(() -> client.one(pathAndQuery));
            Thread.sleep(500); // well inside the 1500 ms wait
            long signalled = System.nanoTime();
            int exitCode = server.terminate(Duration.ofSeconds(40));
            WaveTestClient.Response response = inFlight.get(10, TimeUnit.SECONDS);

            assertEquals(
                    200,
                    response.status(),
                    "the request in flight should complete: " + response + "\n" + server.describe());
            assertEquals(SIGTERM_EXIT_CODE, exitCode, server.describe());
            assertTrue(
                    server.stderr().contains("shutting down") && server.stderr().contains("stopped"),
                    server.describe());
            double exitedAfterMs = (System.nanoTime() - signalled) / 1e6;
            assertTrue(
                    exitedAfterMs < 15_000,
                    "the server should exit soon after the request, not at the end of the" + " 30 s grace: exited "
                            + exitedAfterMs + " ms after SIGTERM\n" + server.describe());
        }
    }

    @Test
    @DisplayName("after SIGTERM no new connection is accepted")
    void stopsAccepting() throws Exception {
        ServerProcess server = ServerProcess.start(Jdks.current(), "--port", "0", "--event-loops", "1");
        server.terminate(Duration.ofSeconds(40));
        URI uri = URI.create(server.url());
        assertThrows(
                IOException.class,
                () -> new Socket(uri.getHost(), uri.getPort()).close(),
                "a connection to " + server.url() + " after shutdown should be refused\n" + server.describe());
    }
}
