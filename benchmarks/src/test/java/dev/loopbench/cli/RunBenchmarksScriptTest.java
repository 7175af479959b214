package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The options of {@code run-benchmarks.sh} are checked before anything is built or run. */
@DisplayName("run-benchmarks.sh")
class RunBenchmarksScriptTest {

    record Finished(int exitCode, String stdout, String stderr) {}

    @ParameterizedTest(name = "{0} prints the usage to stdout and exits 0")
    @ValueSource(strings = {"--help", "-h"})
    void help(String flag) throws Exception {
        Finished finished = script(flag);
        assertEquals(0, finished.exitCode(), finished.toString());
        assertTrue(finished.stdout().startsWith("usage: ./run-benchmarks.sh"), finished.toString());
        for (String documented : new String[] {
            "--quick",
            "--target URL",
            "-- JMH-ARGS",
            "results/<timestamp>/",
            "compare BASE.json CANDIDATE.json",
            "--fail-threshold PCT",
            "report RESULTS.json",
            "timeline"
        }) {
            assertTrue(
                    finished.stdout().contains(documented), "the usage should explain " + documented + ": " + finished);
        }
        assertEquals("", finished.stderr(), finished.toString());
    }

    @ParameterizedTest(name = "{0} is refused with the usage on stderr and exit code 2")
    @ValueSource(
            strings = {
                "--bogus",
                "--quick --nope",
                "--target",
                "--target --quick",
                "extra",
                "compare a.json b.json --nope 1",
                "compare a.json b.json --format",
                "report r.json --chart x",
                "timeline --bogus 1",
                "timeline --ms"
            })
    void badOptions(String args) throws Exception {
        Finished finished = script(args.split(" "));
        assertEquals(2, finished.exitCode(), finished.toString());
        assertTrue(finished.stderr().startsWith("run-benchmarks.sh: "), "first the reason: " + finished);
        assertTrue(finished.stderr().contains("usage: ./run-benchmarks.sh"), "then the usage: " + finished);
        assertEquals("", finished.stdout(), finished.toString());
    }

    @Test
    @DisplayName("names the option it does not know")
    void namesTheUnknownOption() throws Exception {
        Finished finished = script("--qiuck");
        assertTrue(finished.stderr().startsWith("run-benchmarks.sh: unknown option '--qiuck'"), finished.toString());
    }

    static Finished script(String... args) throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(
                List.of("bash", root.resolve("run-benchmarks.sh").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(root.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("run-benchmarks.sh " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Finished(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
