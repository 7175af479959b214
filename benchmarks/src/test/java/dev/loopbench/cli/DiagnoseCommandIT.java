package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.benchmarks.JdkHttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("./run-benchmarks.sh diagnose")
class DiagnoseCommandIT {

    @TempDir
    Path repository;

    @Test
    @DisplayName("prints a row per N, then 'lanes: 2' for a server with two threads, and writes its folder")
    void findsTheLanesOfAServerStartedByHand() throws Exception {
        try (JdkHttpServer server = JdkHttpServer.start(2, JdkHttpServer.Behaviour.PLAIN)) {
            Invocation diagnose = Invocation.run(
                    repository,
                    "diagnose",
                    "--target",
                    server.url(),
                    "--path",
                    "sleep",
                    "--ms",
                    "100",
                    "--max-concurrency",
                    "8");
            assertEquals(0, diagnose.exitCode(), diagnose.toString());
            List<String> lines = diagnose.out().lines().toList();
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("lanes: 2 ")), diagnose.toString());
            assertTrue(
                    lines.stream().anyMatch(line -> line.matches(" +8 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9]+")),
                    "a row for N = 8: " + diagnose);
            Path folder;
            try (Stream<Path> runs = Files.list(repository.resolve("results"))) {
                folder = runs.filter(path -> path.getFileName().toString().endsWith("-diagnose"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no results/<timestamp>-diagnose/: " + diagnose));
            }
            JsonObject json = new JsonObject(Files.readString(folder.resolve("diagnose.json")));
            assertEquals(2, json.getInteger("lanes"), json.encodePrettily());
            assertTrue(Files.exists(folder.resolve("index.html")), "index.html in " + folder);
        }
    }

    @Test
    @DisplayName("exits 2 in one line for a target that is down")
    void unreachableTarget() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Invocation diagnose =
                Invocation.run(repository, "diagnose", "--target", "http://127.0.0.1:" + closed, "--path", "timer");
        assertEquals(2, diagnose.exitCode(), diagnose.toString());
        assertTrue(diagnose.err().startsWith("loopbench: target http://127.0.0.1:" + closed), diagnose.toString());
        assertEquals(1, diagnose.err().lines().count(), "one line: " + diagnose);
        assertFalse(Files.exists(repository.resolve("results")), "no folder for nothing: " + diagnose);
    }

    @Test
    @DisplayName("exits 2 in one line for a delay out of range")
    void badDelay() {
        Invocation diagnose =
                Invocation.run(repository, "diagnose", "--target", "http://127.0.0.1:1", "--path", "t", "--ms", "-5");
        assertEquals(2, diagnose.exitCode(), diagnose.toString());
        assertTrue(diagnose.err().contains("--ms must be from 0 to 10000, got -5"), diagnose.toString());
    }
}
