package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.Chromium;
import dev.loopbench.history.RunMetadata;
import dev.loopbench.jmh.Fixtures;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    @TempDir
    Path repository;

    @Test
    void foldersAndFilesBecomeOnePageInRunOrderThatABrowserDraws() throws Exception {
        Path later = folder("b", "2026-12-02T10:00:00Z", "2222222222222222222222222222222222222222");
        Path earlier = folder("a", "2026-12-01T10:00:00Z", "1111111111111111111111111111111111111111");
        Path bare = repository.resolve("bare.json");
        Files.copy(Fixtures.path("loopbench-default-run.json"), bare); // no run.json: placed by its file time

        Invocation history =
                Invocation.run(repository, "history", later.toString(), earlier.toString(), bare.toString());
        assertEquals(0, history.exitCode(), history.err());
        assertTrue(history.out().contains("3 runs"), history.out());
        Path written;
        try (var folders = Files.list(repository.resolve("results"))) {
            written = folders.filter(f -> f.getFileName().toString().endsWith("-history"))
                    .findFirst()
                    .orElseThrow();
        }
        JsonObject json = new JsonObject(Files.readString(written.resolve("history.json"), StandardCharsets.UTF_8));
        List<String> commits = json.getJsonArray("runs").stream()
                .map(run -> ((JsonObject) run).getString("commit"))
                .toList();
        assertEquals(
                List.of("1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222", ""),
                commits);
        assertEquals(
                "https://github.com/someone/loopbench/commit/1111111111111111111111111111111111111111",
                json.getJsonArray("runs").getJsonObject(0).getString("commitUrl"));
        assertEquals(0, json.getInteger("regressions"), "the same results three times are no regression");
        int points = json.getJsonArray("series").stream()
                .mapToInt(s -> ((JsonObject) s).getJsonArray("points").size())
                .sum();
        String html = Files.readString(written.resolve("history.html"), StandardCharsets.UTF_8);
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http://"), "nothing fetched");

        Chromium.require();
        Chromium page = Chromium.open(written.resolve("history.html"), Path.of("target", "screenshots", "history.png"));
        assertEquals(List.of(), page.consoleErrors(), page.stderr());
        Matcher summary = Pattern.compile("data-points=\"(\\d+)\"").matcher(page.dom());
        assertTrue(summary.find(), "the page wrote its data summary: " + page.dom());
        assertEquals(points, Integer.parseInt(summary.group(1)), "a circle per point of history.json");
        assertTrue(page.dom().contains("runs=3\ncharts="), page.dom());
        assertTrue(
                page.dom()
                        .contains(
                                "href=\"https://github.com/someone/loopbench/commit/1111111111111111111111111111111111111111\""));
        assertTrue(Files.size(Path.of("target", "screenshots", "history.png")) > 10_000);
    }

    @Test
    void unusableInputIsOneLineAndExit2() throws Exception {
        Path notJmh = Files.writeString(repository.resolve("x.json"), "{}");
        Invocation history = Invocation.run(repository, "history", notJmh.toString());
        assertEquals(2, history.exitCode());
        assertEquals(1, history.err().lines().count(), history.err());
        Invocation empty = Invocation.run(repository, "history", repository.toString());
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("without results.json"), empty.err());
    }

    private Path folder(String name, String time, String commit) throws Exception {
        Path folder = Files.createDirectories(repository.resolve(name));
        Files.copy(Fixtures.path("loopbench-default-run.json"), folder.resolve("results.json"));
        new RunMetadata(
                        Instant.parse(time),
                        commit,
                        false,
                        "https://github.com/someone/loopbench",
                        2,
                        8L << 30,
                        "21",
                        "Linux")
                .write(folder);
        return folder;
    }
}
