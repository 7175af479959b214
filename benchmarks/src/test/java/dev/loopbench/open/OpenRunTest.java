package dev.loopbench.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("An open run refused")
class OpenRunTest {

    @TempDir
    Path results;

    @Test
    @DisplayName("for a rate that is not a positive number: exit 2, one line naming --rates, no directory")
    void badRate() throws Exception {
        assertRefused(options(List.of("timer"), List.of(10.0, -3.0), Optional.empty()), "--rates");
    }

    @Test
    @DisplayName("for a handler the in-process server does not have: exit 2, one line listing those it has")
    void unknownHandler() throws Exception {
        assertRefused(options(List.of("timer", "sleep-well"), List.of(), Optional.empty()), "event-loop-sleep");
    }

    @Test
    @DisplayName("for a target that is not a URL: exit 2, one line naming --target")
    void badTarget() throws Exception {
        assertRefused(options(List.of("timer"), List.of(), Optional.of("localhost:8080")), "--target");
    }

    @Test
    @DisplayName("for a target nobody listens on: exit 2, one line saying it is not reachable")
    void unreachableTarget() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertRefused(
                options(List.of("timer"), List.of(10.0), Optional.of("http://127.0.0.1:" + port)), "not reachable");
    }

    private void assertRefused(OpenOptions options, String expectedInMessage) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path directory = results.resolve("run-open");
        int exit = OpenRun.run(
                options,
                directory,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String error = err.toString(StandardCharsets.UTF_8);
        String context = options + " -> exit " + exit + ", stderr: " + error + ", stdout: " + out;
        assertEquals(2, exit, context);
        assertEquals(1, error.lines().count(), context);
        assertTrue(error.startsWith("loopbench: ") && error.contains(expectedInMessage), context);
        assertFalse(Files.exists(directory), "nothing written: " + context);
    }

    private static OpenOptions options(List<String> handlers, List<Double> rates, Optional<String> target) {
        return new OpenOptions(handlers, rates, 1, 10, target, false, 0, 1);
    }
}
