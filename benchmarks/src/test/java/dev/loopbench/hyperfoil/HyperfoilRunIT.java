package dev.loopbench.hyperfoil;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.targets.InProcessTarget;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported files, run by Hyperfoil in a JVM of its own against loopbench in this one, on 127.0.0.1. */
@DisplayName("An exported Hyperfoil file, run in-VM")
class HyperfoilRunIT {

    private static InProcessTarget server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        HyperfoilRun.requireJar();
        server = InProcessTarget.start(2);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private ExportOptions options(String handler, Load load) {
        return ExportOptions.defaults()
                .withBaseUrl(server.baseUrl())
                .withHandlers(List.of(handler))
                .withDelayMs(10)
                .withLoad(load)
                .withShape(server.shape().orElseThrow());
    }

    @Test
    @DisplayName("counts every request of every wave, warm-up apart, with no error and exit code 0")
    void waves() throws Exception {
        ExportOptions options = options("timer", new Load.Waves(4, 2, 5));
        HyperfoilRun run = HyperfoilRun.of(HyperfoilExport.write(options, dir).get(0));

        JsonObject warmup = run.phase("warmup");
        JsonObject waves = run.phase("waves");
        assertAll(
                options + "\n" + run,
                () -> assertEquals(0, run.exit()),
                () -> assertEquals(8, warmup.getLong("requests"), "2 warm-up waves of 4"),
                () -> assertEquals(20, waves.getLong("requests"), "5 waves of 4"),
                () -> assertEquals(5, waves.getInteger("iterations")),
                () -> assertEquals(0, waves.getLong("errors")),
                () -> assertEquals(20, waves.getJsonObject("status").getLong("2xx")),
                () -> assertEquals(0.0, waves.getDouble("blockedMs"), "every request had its connection"),
                () -> assertTrue(waves.getDouble("p50Ms") >= 10, "a request waits at least its 10 ms"),
                () -> assertTrue(run.out().contains("waves             timer"), "the table has the row"));
    }

    @Test
    @DisplayName("runs the open model at its rate for its duration")
    void constantRate() throws Exception {
        ExportOptions options = options("timer", new Load.ConstantRate(50, 0, 2, false));
        HyperfoilRun run = HyperfoilRun.of(HyperfoilExport.write(options, dir).get(0));

        JsonObject steady = run.phase("steady");
        assertAll(
                options + "\n" + run,
                () -> assertEquals(0, run.exit()),
                () -> assertTrue(
                        Math.abs(steady.getLong("requests") - 100) <= 2, "50/s for 2 s, evenly spaced: about 100"),
                () -> assertEquals(0, steady.getLong("errors")));
    }

    @Test
    @DisplayName("reports a handler that answers 404 as failed requests, with no latency and exit code 1")
    void failedRequests() throws Exception {
        ExportOptions options = options("no-such-handler", new Load.Waves(2, 0, 2));
        HyperfoilRun run = HyperfoilRun.of(HyperfoilExport.write(options, dir).get(0));

        JsonObject waves = run.phase("waves");
        assertAll(
                options + "\n" + run,
                () -> assertEquals(1, run.exit()),
                () -> assertEquals(4, waves.getLong("errors")),
                () -> assertEquals(4, waves.getJsonObject("status").getLong("4xx")),
                () -> assertTrue(run.err().contains("4 of 4 requests failed (4 HTTP 4xx)"), "one line says so"));
    }

    @Test
    @DisplayName("with its agents: section filled in is valid Hyperfoil, and refused here: exit 2, one line")
    void agentsUncommented() throws Exception {
        Path exported = HyperfoilExport.write(options("timer", new Load.Waves(2, 0, 1)), dir)
                .get(0);
        String withAgents = Files.readString(exported)
                .lines()
                .map(line -> line.startsWith("#agents:") || line.startsWith("#  ") ? line.substring(1) : line)
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = Files.writeString(dir.resolve("timer-agents.hf.yaml"), withAgents);
        HyperfoilRun run = HyperfoilRun.of(file);

        assertAll(
                run.toString(),
                () -> assertEquals(2, run.exit()),
                () -> assertEquals(1, run.err().lines().count()),
                () -> assertTrue(
                        run.err().contains(file + " has an agents: section (2 agents)"), "parsed, then refused"),
                () -> assertEquals("", run.out()));
    }

    @Test
    @DisplayName("that is not valid YAML exits 2 with one line on stderr and no stack trace")
    void invalidFile() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.hf.yaml"), "name: broken\nphases: [\n");
        HyperfoilRun run = HyperfoilRun.of(file);

        assertAll(
                run.toString(),
                () -> assertEquals(2, run.exit()),
                () -> assertEquals(1, run.err().lines().count()),
                () -> assertTrue(run.err().startsWith("loopbench-hyperfoil: " + file + " is not a benchmark")),
                () -> assertFalse(run.err().contains("\tat ")),
                () -> assertEquals("", run.out()));
    }
}
