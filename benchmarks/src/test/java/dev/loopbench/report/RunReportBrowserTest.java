package dev.loopbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.Chromium;
import dev.loopbench.jmh.Fixtures;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index.html as a reader opens it: from file://, in headless Chromium, with no network. */
class RunReportBrowserTest {

    @TempDir
    Path dir;

    @Test
    void theRunReportOpensFromFileWithNoConsoleErrorAndATableRowPerCell() throws Exception {
        Path results = Fixtures.path("loopbench-default-run.json");
        List<JmhResult> measured = JmhResults.read(results);
        RunReport.write(measured, results, dir);
        Chromium.require();
        Path screenshot = Path.of("target", "screenshots", "index.png");
        Chromium page = Chromium.open(dir.resolve("index.html"), screenshot);
        assertEquals(List.of(), page.consoleErrors(), page.stderr());
        for (JmhResult result : measured) {
            assertTrue(page.dom().contains(result.param("handler")), "a row for " + result.label());
        }
        assertTrue(page.dom().contains("wave-time.png") || page.dom().contains("wave-time.svg"), page.dom());
        assertTrue(Files.size(screenshot) > 10_000);
    }
}
