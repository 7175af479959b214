package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The timeline command")
class TimelineCommandTest {

    @TempDir
    Path results;

    @Test
    @DisplayName(
            "prints the text timeline and writes a Gantt chart per handler (PNG, SVG), timeline.json and index.html")
    void writesChartsAndIndex() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TimelineCommand.Options options = TimelineCommand.parse(List.of(
                "--concurrency", "4", "--ms", "50", "--handlers", "event-loop-sleep,timer", "--event-loops", "1"));
        assertEquals(0, TimelineCommand.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8), results));

        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("event-loop-sleep: model 200 ms") && out.contains("timer: model 50 ms"), out);
        Path directory;
        try (Stream<Path> runs = Files.list(results)) {
            directory = runs.filter(path -> path.getFileName().toString().endsWith("-timeline"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no timeline folder in " + results + "; printed:\n" + out));
        }
        for (String handler : new String[] {"event-loop-sleep", "timer"}) {
            BufferedImage png = ImageIO.read(
                    directory.resolve("timeline-" + handler + ".png").toFile());
            assertTrue(png.getWidth() > 500 && png.getHeight() > 200, handler + " chart: " + png);
            assertTrue(Files.size(directory.resolve("timeline-" + handler + ".svg")) > 20_000, handler + " svg");
        }
        String index = Files.readString(directory.resolve("index.html"));
        assertTrue(index.contains("timeline-event-loop-sleep.png") && index.contains("timeline-timer.png"), index);
        assertTrue(Files.readString(directory.resolve("timeline.json")).contains("\"startedMs\""));
    }

    @Test
    @DisplayName("refuses bad values and unknown handlers in one line")
    void refusesBadInput() {
        assertEquals(
                "--concurrency must be a whole number from 1 to 1000, got '0'",
                assertThrows(UsageError.class, () -> TimelineCommand.parse(List.of("--concurrency", "0")))
                        .getMessage());
        assertTrue(assertThrows(UsageError.class, () -> TimelineCommand.parse(List.of("--handlers", "sleepy")))
                .getMessage()
                .startsWith("handler 'sleepy' is not one of loopbench's"));
        assertEquals(
                "unknown option '--fast' for timeline",
                assertThrows(UsageError.class, () -> TimelineCommand.parse(List.of("--fast", "1")))
                        .getMessage());
    }
}
