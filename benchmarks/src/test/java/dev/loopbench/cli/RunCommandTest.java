package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.JmhSettings;
import dev.loopbench.matrix.Matrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

@DisplayName("The run command")
class RunCommandTest {

    @TempDir
    Path repository;

    @Test
    @DisplayName("takes --quick, --target URL and everything after -- for JMH")
    void parsesItsOptions() {
        CommandLine commands = RunBenchmarks.commandLine(new CommandContext(System.out, System.err, repository));
        commands.parseArgs("--quick", "--target", "http://h:1", "--", "-prof", "gc");
        RunCommand run = commands.getCommand();
        assertTrue(run.quick);
        assertEquals("http://h:1", run.target);
        assertEquals(List.of("-prof", "gc"), run.jmhArgs);
    }

    @ParameterizedTest(name = "''{0}'' exits 2, saying ''{1}'', with the usage after it")
    @CsvSource(
            delimiter = '|',
            value = {
                "--fast                  | Unknown option: '--fast'",
                "--target                | Missing required parameter for option '--target'",
                "extra                   | unknown argument 'extra'",
                "--quick extra -- -i 3   | unknown argument 'extra'"
            })
    void refusesBadOptions(String args, String reason) {
        Invocation run = Invocation.run(repository, args.split(" "));
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("loopbench: ") && run.err().contains(reason), run.toString());
        assertTrue(run.err().contains("usage: ./run-benchmarks.sh"), run.toString());
        assertEquals("", run.out(), run.toString());
    }

    @Test
    @DisplayName("--plan prints every cell with its JMH settings and the estimate, runs nothing and exits 0")
    void planOnly() throws Exception {
        Invocation run = Invocation.run(repository, "--quick", "--plan", "--", "-p", "handler=event-loop-sleep");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("loopbench: plan: 4 cells"), "N = 1, 16 and their control: " + run);
        assertTrue(run.out().contains("-r 1ms"), "N = 16's 800 ms waves, one an iteration: " + run);
        assertTrue(run.out().contains("estimated duration:"), run.toString());
        assertFalse(Files.exists(repository.resolve("results")), "no results folder: " + run);
    }

    @ParameterizedTest(name = "-- {0} exits 2 in one line saying ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "-i abc              | Cannot parse argument 'abc' of option i",
                "-f x                | Cannot parse argument 'x' of option f",
                "-bogus              | not a recognized option",
                "-rf csv             | -rf cannot be passed: results are always written as JSON",
                "-bm thrpt           | -bm cannot be passed: the summary, the model and the charts read",
                "-p delayMs=fast     | -p delayMs takes whole numbers, got 'fast'"
            })
    void refusesBadJmhArguments(String jmhArgs, String reason) {
        String[] args = ("-- " + jmhArgs).split(" ");
        Invocation run = Invocation.run(repository, args);
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), "one line: " + run);
        assertTrue(run.err().startsWith("loopbench: ") && run.err().contains(reason), run.toString());
        assertEquals("", run.out(), "nothing ran: " + run);
    }

    @Test
    @DisplayName("takes the matrix parameters out of the JMH arguments, since JMH would join repeated -p")
    void takesMatrixParametersOut() throws Exception {
        JmhArguments jmh =
                JmhArguments.parse(List.of("-p", "concurrency=8,32", "-prof", "gc", "-p", "other=1", "-i", "3"));
        assertEquals(List.of("8", "32"), jmh.param("concurrency").orElseThrow());
        assertEquals(List.of("-prof", "gc", "-p", "other=1", "-i", "3"), jmh.passThrough());
        assertTrue(jmh.gives("-i"));
        assertFalse(jmh.gives("-wi"));
    }

    @Test
    @DisplayName("-p concurrency sets the levels of every family, each keeping its own warm-up")
    void concurrencyOverrideKeepsFamilies() throws Exception {
        Matrix matrix = JmhArguments.parse(List.of("-p", "concurrency=8")).applyTo(Matrix.standard());
        assertEquals(3, matrix.families().size(), matrix.toString());
        matrix.families().forEach(family -> assertEquals(List.of(8), family.concurrency(), matrix.toString()));
        assertEquals(
                Matrix.standard().families().get(1).settings(),
                matrix.families().get(1).settings());
        assertEquals(9, matrix.cells(), matrix.toString());
    }

    @Test
    @DisplayName("-p handler picks handlers, each keeping its family's concurrency levels")
    void handlerOverrideKeepsFamilyLevels() throws Exception {
        Matrix matrix = JmhArguments.parse(List.of("-p", "handler=timer,event-loop-sleep"))
                .applyTo(Matrix.standard());
        assertEquals(2, matrix.families().size(), matrix.toString());
        Family blocking = matrix.families().get(0);
        Family nonBlocking = matrix.families().get(1);
        assertEquals(List.of("event-loop-sleep"), blocking.handlers());
        assertEquals(List.of("timer"), nonBlocking.handlers());
        assertTrue(nonBlocking.concurrency().contains(1000), matrix.toString());
        assertFalse(blocking.concurrency().contains(1000), matrix.toString());
    }

    @Test
    @DisplayName("-p delayMs and -p eventLoops replace the matrix's values, repeated -p joined as JMH does")
    void delayAndEventLoopOverrides() throws Exception {
        Matrix matrix = JmhArguments.parse(List.of("-p", "delayMs=50", "-p", "eventLoops=1", "-p", "eventLoops=4"))
                .applyTo(Matrix.quick());
        matrix.families().forEach(family -> {
            assertEquals(List.of(50), family.delays(), matrix.toString());
            assertEquals(List.of(1, 4), family.eventLoops(), matrix.toString());
        });
        UsageError error = assertThrows(UsageError.class, () -> JmhArguments.parse(List.of("-p", "delayMs=fast"))
                .applyTo(Matrix.quick()));
        assertEquals("-p delayMs takes whole numbers, got 'fast'", error.getMessage());
    }

    @Test
    @DisplayName("JMH's own -wi/-w/-i/-r/-f replace the matrix's settings in the plan, as JMH parsed them")
    void settingsOverrides() throws Exception {
        JmhSettings matrix = Matrix.standard().families().get(0).settings();
        JmhSettings settings = JmhArguments.parse(List.of("-i", "10", "-r", "500ms", "-f", "2", "-w", "1min"))
                .settings(matrix);
        assertEquals(
                matrix.withMeasurementIterations(10)
                        .withMeasurementMillis(500)
                        .withForks(2)
                        .withWarmupMillis(60_000),
                settings,
                "from " + matrix);
    }
}
