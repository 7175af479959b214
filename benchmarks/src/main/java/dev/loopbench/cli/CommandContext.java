package dev.loopbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every command is given: where to print, and the repository whose {@code results/} runs
 * and timelines write. Files a user names (compare, report) are read where the user is.
 */
record CommandContext(PrintStream out, PrintStream err, Path repositoryRoot) {

    Path resultsRoot() {
        return repositoryRoot.resolve("results");
    }
}
