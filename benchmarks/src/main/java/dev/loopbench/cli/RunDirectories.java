package dev.loopbench.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** {@code results/<timestamp><suffix>/}, never one that another run already has. */
final class RunDirectories {

    private RunDirectories() {}

    static Path create(Path root, String suffix) throws IOException {
        Files.createDirectories(root);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
        for (int attempt = 1; ; attempt++) {
            Path directory = root.resolve(stamp + (attempt == 1 ? "" : "-" + attempt) + suffix);
            try {
                return Files.createDirectory(directory);
            } catch (FileAlreadyExistsException taken) {
                // a run started in the same second: take the next name
            }
        }
    }
}
