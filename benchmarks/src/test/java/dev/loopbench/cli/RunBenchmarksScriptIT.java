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

/**
 * {@code run-benchmarks.sh} as users call it, on the jars this build packaged: what it prints
 * comes from Java, its exit codes are the contract's. The script's own notes (which JDK it
 * chose) start with {@code run-benchmarks.sh:}; everything else is the tool's.
 */
@DisplayName("run-benchmarks.sh")
class RunBenchmarksScriptIT {

    record Finished(List<String> args, int exitCode, String stdout, String stderr) {

        /** stderr without the script's own notes. */
        List<String> toolErrors() {
            return stderr.lines()
                    .filter(line -> !line.startsWith("run-benchmarks.sh: "))
                    .toList();
        }
    }

    @ParameterizedTest(name = "''{0}'' prints the usage from Java to stdout and exits 0")
    @ValueSource(strings = {"--help", "-h", "compare --help", "report --help", "timeline --help"})
    void help(String args) throws Exception {
        Finished finished = script(args.split(" "));
        assertEquals(0, finished.exitCode(), finished.toString());
        String command = args.startsWith("-") ? "" : " " + args.split(" ")[0];
        assertTrue(finished.stdout().startsWith("usage: ./run-benchmarks.sh" + command), finished.toString());
        assertEquals(List.of(), finished.toolErrors(), finished.toString());
    }

    @ParameterizedTest(name = "''{0}'' is refused with the reason and the usage on stderr, exit 2")
    @ValueSource(strings = {"--bogus", "--quick --nope", "--target", "extra", "compare a.json", "timeline --ms"})
    void badOptions(String args) throws Exception {
        Finished finished = script(args.split(" "));
        assertEquals(2, finished.exitCode(), finished.toString());
        assertTrue(finished.toolErrors().get(0).startsWith("loopbench: "), "first the reason: " + finished);
        assertTrue(finished.stderr().contains("usage: ./run-benchmarks.sh"), "then the usage: " + finished);
        assertEquals("", finished.stdout(), finished.toString());
    }

    @Test
    @DisplayName("refuses a bad JMH value after -- in one line, exit 2, before anything runs")
    void badJmhValue() throws Exception {
        Finished finished = script("--quick", "--", "-i", "abc");
        assertEquals(2, finished.exitCode(), finished.toString());
        assertEquals(
                List.of("loopbench: JMH cannot use the arguments after --: Cannot parse argument 'abc' of option i"),
                finished.toolErrors(),
                finished.toString());
        assertEquals("", finished.stdout(), finished.toString());
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
                List.of(args),
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
