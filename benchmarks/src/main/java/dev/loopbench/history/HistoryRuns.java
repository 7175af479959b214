package dev.loopbench.history;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A run of a history read from a results folder (its results.json and run.json) or a JMH JSON file. */
public final class HistoryRuns {

    public static final String RESULTS = "results.json";

    private HistoryRuns() {}

    /**
     * A run without run.json (from before it was written, or any JMH file) is placed by its results
     * file's modification time and has no commit: the page says so.
     */
    public static History.Run read(Path given) throws JmhResults.UnusableInput {
        Path file = Files.isDirectory(given) ? given.resolve(RESULTS) : given;
        if (Files.isDirectory(given) && !Files.isRegularFile(file)) {
            throw new JmhResults.UnusableInput(given + ": a folder without " + RESULTS + ", not a results folder");
        }
        List<JmhResult> results = JmhResults.read(file);
        Path folder = file.toAbsolutePath().getParent();
        try {
            Optional<RunMetadata> recorded = RunMetadata.read(folder);
            RunMetadata metadata = recorded.orElse(
                    new RunMetadata(Files.getLastModifiedTime(file).toInstant(), "", false, "", -1, -1, "", ""));
            return new History.Run(given.toString(), metadata, recorded.isPresent(), results);
        } catch (IOException e) {
            throw new JmhResults.UnusableInput(e.getMessage());
        }
    }
}
