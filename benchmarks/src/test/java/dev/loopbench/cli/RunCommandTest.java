package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.JmhSettings;
import dev.loopbench.matrix.Matrix;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The run command")
class RunCommandTest {

    @Test
    @DisplayName("takes --quick, --target URL and everything after -- for JMH")
    void parsesItsOptions() throws Exception {
        RunCommand.Options options =
                RunCommand.parse(List.of("--quick", "--target", "http://h:1", "--", "-prof", "gc"));
        assertTrue(options.quick());
        assertEquals("http://h:1", options.target().orElseThrow());
        assertEquals(List.of("-prof", "gc"), options.jmhArgs());
    }

    @Test
    @DisplayName("refuses an unknown option and a --target without URL, saying which")
    void refusesBadOptions() {
        assertEquals(
                "unknown option '--fast'",
                assertThrows(UsageError.class, () -> RunCommand.parse(List.of("--fast")))
                        .getMessage());
        assertTrue(assertThrows(UsageError.class, () -> RunCommand.parse(List.of("--target")))
                .getMessage()
                .startsWith("--target needs a URL"));
    }

    @Test
    @DisplayName(
            "refuses -rf and -rff (the results are always JSON in the run's folder) and -bm and -tu (the summary reads ms/op)")
    void refusesResultFormatOptions() {
        UsageError format = assertThrows(UsageError.class, () -> JmhArguments.parse(List.of("-rf", "csv")));
        assertTrue(format.getMessage().contains("results.json"), format.getMessage());
        UsageError mode = assertThrows(UsageError.class, () -> JmhArguments.parse(List.of("-bm", "thrpt")));
        assertTrue(mode.getMessage().contains("ms/op"), mode.getMessage());
    }

    @Test
    @DisplayName("takes the matrix parameters out of the JMH arguments, since JMH would join repeated -p")
    void takesMatrixParametersOut() throws Exception {
        JmhArguments jmh =
                JmhArguments.parse(List.of("-p", "concurrency=8,32", "-prof", "gc", "-p", "other=1", "-i", "3"));
        assertEquals(List.of("8", "32"), jmh.param("concurrency").orElseThrow());
        assertEquals(List.of("-prof", "gc", "-p", "other=1", "-i", "3"), jmh.passThrough());
        assertTrue(jmh.settingsGiven().contains("-i"));
    }

    @Test
    @DisplayName("-p concurrency sets the levels of every family, each keeping its own warm-up")
    void concurrencyOverrideKeepsFamilies() throws Exception {
        Matrix matrix =
                RunCommand.applyOverrides(Matrix.standard(), JmhArguments.parse(List.of("-p", "concurrency=8")));
        assertEquals(2, matrix.families().size(), matrix.toString());
        matrix.families().forEach(family -> assertEquals(List.of(8), family.concurrency(), matrix.toString()));
        assertEquals(
                Matrix.standard().families().get(1).settings(),
                matrix.families().get(1).settings());
        assertEquals(6, matrix.cells(), matrix.toString());
    }

    @Test
    @DisplayName("-p handler picks handlers, each keeping its family's concurrency levels")
    void handlerOverrideKeepsFamilyLevels() throws Exception {
        Matrix matrix = RunCommand.applyOverrides(
                Matrix.standard(), JmhArguments.parse(List.of("-p", "handler=timer,event-loop-sleep")));
        assertEquals(2, matrix.families().size(), matrix.toString());
        Family blocking = matrix.families().get(0);
        Family nonBlocking = matrix.families().get(1);
        assertEquals(List.of("event-loop-sleep"), blocking.handlers());
        assertEquals(List.of("timer"), nonBlocking.handlers());
        assertTrue(nonBlocking.concurrency().contains(1000), matrix.toString());
        assertFalse(blocking.concurrency().contains(1000), matrix.toString());
    }

    @Test
    @DisplayName("-p delayMs and -p eventLoops replace the matrix's values and must be numbers")
    void delayAndEventLoopOverrides() throws Exception {
        Matrix matrix = RunCommand.applyOverrides(
                Matrix.quick(), JmhArguments.parse(List.of("-p", "delayMs=50", "-p", "eventLoops=1,4")));
        matrix.families().forEach(family -> {
            assertEquals(List.of(50), family.delays());
            assertEquals(List.of(1, 4), family.eventLoops());
        });
        UsageError error = assertThrows(
                UsageError.class,
                () -> RunCommand.applyOverrides(Matrix.quick(), JmhArguments.parse(List.of("-p", "delayMs=fast"))));
        assertEquals("-p delayMs takes whole numbers, got 'fast'", error.getMessage());
    }

    @Test
    @DisplayName("JMH's own -wi/-w/-i/-r/-f replace the matrix's settings in the plan")
    void settingsOverrides() throws Exception {
        JmhSettings settings = RunCommand.effectiveSettings(
                Matrix.standard().families().get(0).settings(),
                JmhArguments.parse(List.of("-i", "10", "-r", "500ms", "-f", "2")));
        assertEquals(new JmhSettings(3, 2, 10, 1, 2), settings);
    }
}
