package dev.loopbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading JMH JSON")
class JmhResultsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("gives params, scores, raw iterations, secondary metrics and run settings of a real run")
    void readsARealRun() throws Exception {
        List<JmhResult> results = JmhResults.read(Fixtures.path("loopbench-default-run.json"));
        assertEquals(5, results.size());
        JmhResult sleep = results.get(0);
        assertEquals("event-loop-sleep", sleep.param("handler"));
        assertEquals("4", sleep.param("concurrency"));
        assertEquals("ms/op", sleep.primary().unit());
        assertEquals(5, sleep.primary().samples().size(), sleep.toString());
        assertEquals(200.0, sleep.secondary().get("predicted").score(), 1e-9);
        assertTrue(Double.isNaN(sleep.secondary().get("latencyMax").error()), "JMH writes \"NaN\" as a string");
        assertEquals("25.0.3", sleep.settings().jdkVersion());
        assertEquals(List.of("-Xms1g", "-Xmx1g"), sleep.settings().jvmArgs());
        assertTrue(sleep.lowerIsBetter());
        assertTrue(sleep.label().startsWith("ConcurrentRequestsBenchmark.wave (concurrency=4"), sleep.label());
    }

    @Test
    @DisplayName("reads rawDataHistogram as the mean of each iteration")
    void readsHistogramsPerIteration() throws Exception {
        Path file = dir.resolve("sample.json");
        Files.writeString(
                file,
                """
                [{"benchmark": "a.B.m", "mode": "sample", "threads": 1, "forks": 1, "params": {},
                  "primaryMetric": {"score": 2.0, "scoreError": 0.1, "scoreUnit": "ms/op",
                    "rawDataHistogram": [[[[1.0, 2], [4.0, 1]], [[2.0, 3]]]]}}]""");
        JmhResult result = JmhResults.read(file).get(0);
        assertEquals(List.of(2.0, 2.0), result.primary().samples());
    }

    @Test
    @DisplayName("knows throughput is higher-is-better and time per operation lower-is-better")
    void direction() throws Exception {
        Path file = dir.resolve("thrpt.json");
        Files.writeString(
                file,
                """
                [{"benchmark": "a.B.m", "mode": "thrpt", "threads": 1, "forks": 1,
                  "primaryMetric": {"score": 2.0, "scoreError": 0.1, "scoreUnit": "ops/ms", "rawData": [[2.0]]}}]""");
        assertFalse(JmhResults.read(file).get(0).lowerIsBetter());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a missing file            | -                      | no such file",
                "a file that is not JSON   | this is not json       | not valid JSON",
                "a JSON object             | {\"benchmark\": 1}      | not JMH results",
                "an empty array            | []                     | holds no benchmark results",
                "an array of non-results   | [{\"name\": \"x\"}]       | entry 1 is not a JMH benchmark result",
            })
    void unusableInputIsOneClearLine(String what, String content, String expected) throws Exception {
        Path file = dir.resolve("input.json");
        if (!content.equals("-")) {
            Files.writeString(file, content);
        }
        JmhResults.UnusableInput error =
                assertThrows(JmhResults.UnusableInput.class, () -> JmhResults.read(file), what);
        assertTrue(
                error.getMessage().startsWith(file.toString())
                        && error.getMessage().contains(expected),
                what + ": " + error.getMessage());
        assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
    }
}
