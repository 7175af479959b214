package dev.loopbench.hyperfoil.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input the runner cannot use: one line on stderr, exit code 2, no stack trace, nothing run. */
@DisplayName("The Hyperfoil runner, given input it cannot use,")
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("says which file is missing")
    void missingFile() {
        Path missing = dir.resolve("nowhere.hf.yaml");
        assertOneLine(Runs.main(missing.toString()), "no such benchmark file: " + missing);
    }

    @Test
    @DisplayName("says where the YAML is broken")
    void invalidYaml() throws Exception {
        Path file = Runs.benchmark(dir, "broken", "name: broken\nphases: [\n");
        assertOneLine(Runs.main(file.toString()), file + " is not a benchmark Hyperfoil can run:");
    }

    @Test
    @DisplayName("passes on Hyperfoil's own complaint about a misspelt key")
    void rejectedByHyperfoil() throws Exception {
        Path file = Runs.benchmark(
                dir,
                "misspelt",
                """
                name: misspelt
                http:
                  host: http://127.0.0.1:1
                  sharedConections: 4
                phases:
                - p:
                    atOnce:
                      users: 1
                      scenario:
                      - s:
                        - httpRequest:
                            GET: /timer
                """);
        Runs run = Runs.main(file.toString());
        assertOneLine(run, "Invalid configuration label: 'sharedConections'");
    }

    @Test
    @DisplayName("refuses a file with agents, whose in-VM run would carry only the first agent's share")
    void agents() throws Exception {
        Path file = Runs.benchmark(
                dir,
                "agents",
                """
                name: agents
                agents:
                  one: load-host-1
                  two: load-host-2
                http:
                  host: http://127.0.0.1:1
                phases:
                - p:
                    atOnce:
                      users: 2
                      scenario:
                      - s:
                        - httpRequest:
                            GET: /timer
                """);
        assertOneLine(Runs.main(file.toString()), "has an agents: section (2 agents)");
    }

    @Test
    @DisplayName("says the target is not reachable instead of waiting for a connection forever")
    void unreachableTarget() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path file = Runs.benchmark(
                dir,
                "down",
                """
                name: down
                http:
                  host: http://127.0.0.1:%d
                phases:
                - p:
                    atOnce:
                      users: 1
                      scenario:
                      - s:
                        - httpRequest:
                            GET: /timer
                """
                        .formatted(closedPort));
        assertOneLine(Runs.main(file.toString()), "target http://127.0.0.1:" + closedPort + " is not reachable");
    }

    @Test
    @DisplayName("names an unknown option and shows the usage")
    void unknownOption() {
        assertOneLine(Runs.main("--jsn", "x.json", "a.hf.yaml"), "unknown option '--jsn'; usage:");
    }

    @Test
    @DisplayName("asks for a file when given none")
    void noFile() {
        assertOneLine(Runs.main(), "no benchmark file; usage:");
    }

    private static void assertOneLine(Runs run, String expected) {
        assertEquals(2, run.exit(), "exit code 2 for unusable input; " + run);
        assertEquals(1, run.ourErrorLines().size(), "exactly one line of ours on stderr; " + run);
        assertTrue(run.ourErrorLines().get(0).contains(expected), "the line should say '" + expected + "'; " + run);
        assertFalse(run.err().contains("\tat "), "no stack trace; " + run);
        assertTrue(run.out().isEmpty(), "nothing on stdout, nothing was run; " + run);
    }
}
