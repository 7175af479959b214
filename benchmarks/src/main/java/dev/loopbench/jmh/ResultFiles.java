package dev.loopbench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the JSON arrays of several JMH runs into one, as text: every entry stays byte for byte
 * what JMH wrote, so any JMH tool reads the result.
 */
public final class ResultFiles {

    private ResultFiles() {}

    public static void concatenate(List<Path> parts, Path into) throws IOException {
        List<String> entries = new ArrayList<>();
        for (Path part : parts) {
            String text = Files.readString(part, StandardCharsets.UTF_8).strip();
            if (!text.startsWith("[") || !text.endsWith("]")) {
                throw new IOException(part + " is not a JSON array");
            }
            String inside = text.substring(1, text.length() - 1).strip();
            if (!inside.isEmpty()) {
                entries.add("    " + inside);
            }
        }
        Files.writeString(into, "[\n" + String.join(",\n", entries) + "\n]\n", StandardCharsets.UTF_8);
    }
}
