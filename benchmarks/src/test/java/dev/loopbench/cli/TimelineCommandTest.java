package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The timeline command")
class TimelineCommandTest {

    @TempDir
    Path repository;

    @Test
    @DisplayName(
            "prints the text timeline and writes a Gantt chart per handler (PNG, SVG), timeline.json and index.html")
    void writesChartsAndIndex() throws Exception {
        Invocation timeline = Invocation.run(
                repository,
                "timeline",
                "--concurrency",
                "4",
                "--ms",
                "50",
                "--handlers",
                "event-loop-sleep,timer",
                "--event-loops",
                "1");
        assertEquals(0, timeline.exitCode(), timeline.toString());
        String out = timeline.out();
        assertTrue(out.contains("event-loop-sleep: model 200 ms") && out.contains("timer: model 50 ms"), out);
        Path directory;
        try (Stream<Path> runs = Files.list(repository.resolve("results"))) {
            directory = runs.filter(path -> path.getFileName().toString().endsWith("-timeline"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no timeline folder in " + repository + "; " + timeline));
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
        assertTrue(Files.readString(directory.resolve("timeline.txt")).contains("timer: model 50 ms"));
    }

    @ParameterizedTest(name = "''{0}'' exits 2 saying ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "--concurrency 0        | --concurrency must be a whole number from 1 to 1000, got '0'",
                "--ms 10001             | --ms must be a whole number from 0 to 10000, got '10001'",
                "--width 20             | --width must be a whole number from 40 to 400, got '20'",
                "--handlers sleepy      | handler 'sleepy' is not one of loopbench's",
                "--fast 1               | Unknown options: '--fast', '1'",
                "--ms                   | Missing required parameter for option '--ms'"
            })
    void refusesBadInput(String args, String reason) {
        String[] command = ("timeline " + args).split(" ");
        Invocation timeline = Invocation.run(repository, command);
        assertEquals(2, timeline.exitCode(), timeline.toString());
        assertTrue(
                timeline.err().lines().findFirst().orElse("").contains(reason), "the first line says why: " + timeline);
        assertTrue(Files.notExists(repository.resolve("results")), "nothing recorded: " + timeline);
    }
}
