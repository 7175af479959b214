package dev.loopbench.hyperfoil.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link HyperfoilLocalMain#run} in this JVM, with what it printed. */
record Runs(int exit, String out, String err) {

    static Runs main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HyperfoilLocalMain.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Runs(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path benchmark(Path dir, String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name + ".hf.yaml"), yaml, StandardCharsets.UTF_8);
    }

    /** Lines on stderr that are ours, not Hyperfoil's log. */
    List<String> ourErrorLines() {
        List<String> lines = new ArrayList<>();
        for (String line : err.split("\\R")) {
            if (line.startsWith("loopbench-hyperfoil: ")) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
