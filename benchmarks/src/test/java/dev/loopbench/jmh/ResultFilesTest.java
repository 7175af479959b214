package dev.loopbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Joining the JSON of several JMH runs")
class ResultFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("keeps every entry byte for byte and gives a file JMH tools read")
    void keepsEntriesUntouched() throws Exception {
        String fixture =
                Files.readString(Fixtures.path("loopbench-default-run.json")).strip();
        Path first = dir.resolve("part-1.json");
        Path second = dir.resolve("part-2.json");
        Files.writeString(first, fixture);
        Files.writeString(second, fixture);
        Path joined = dir.resolve("results.json");

        ResultFiles.concatenate(List.of(first, second), joined);

        String inside = fixture.substring(1, fixture.length() - 1).strip();
        String text = Files.readString(joined);
        assertEquals(2, text.split(Pattern.quote(inside), -1).length - 1, "both runs' entries, unchanged:\n" + text);
        assertEquals(10, JmhResults.read(joined).size());
        assertTrue(text.startsWith("[") && text.strip().endsWith("]"), text);
    }
}
