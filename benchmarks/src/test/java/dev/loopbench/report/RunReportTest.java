package dev.loopbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.jmh.Fixtures;
import dev.loopbench.jmh.JmhResults;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The report of a run")
class RunReportTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("draws both charts as PNG and SVG, non-trivial, and an index.html that shows them with the summary")
    void rendersChartsAndIndex() throws Exception {
        Path results = Fixtures.path("loopbench-default-run.json");
        List<String> written = RunReport.write(JmhResults.read(results), results, dir);

        for (String chart : new String[] {RunReport.WAVE_TIME, RunReport.PARALLELISM}) {
            BufferedImage png = ImageIO.read(dir.resolve(chart + ".png").toFile());
            assertEquals(RunCharts.WIDTH, png.getWidth(), chart + " written: " + written);
            assertEquals(RunCharts.HEIGHT, png.getHeight(), chart);
            assertTrue(distinctColours(png) > 20, chart + ".png should show more than a blank canvas");
            String svg = Files.readString(dir.resolve(chart + ".svg"));
            assertTrue(svg.contains("<svg") && svg.length() > 20_000, chart + ".svg should be a real drawing");
        }
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("wave-time.png") && index.contains("parallelism.png"), index);
        assertTrue(index.contains("<td>event-loop-sleep</td>") && index.contains("JDK 25.0.3"), index);
        assertTrue(index.contains(RunReport.fitRule()), "the rule ModelFit applies, in words: " + index);
    }

    @Test
    @DisplayName("groups a run into one line per handler, ordered by concurrency")
    void linesPerHandler() throws Exception {
        List<WaveLines.Line> lines = WaveLines.of(JmhResults.read(Fixtures.path("loopbench-default-run.json")));
        WaveLines.Line sleep = lines.stream()
                .filter(line -> line.handler().equals("event-loop-sleep"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("4", "64"),
                sleep.cells().stream().map(cell -> cell.param("concurrency")).toList());
        assertEquals(4, lines.size(), lines.toString());
    }

    private static long distinctColours(BufferedImage image) {
        return IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
                .distinct()
                .limit(1000)
                .count();
    }
}
