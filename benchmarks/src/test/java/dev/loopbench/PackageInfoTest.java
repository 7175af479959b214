package dev.loopbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A newcomer finds their way from the tree and the package-info files alone: every package has one. */
@DisplayName("Every package of every module")
class PackageInfoTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("says what it holds in a package-info.java")
    void hasPackageInfo() throws IOException {
        List<Path> packages;
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            packages = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> ROOT.relativize(p).toString().matches("[^/]+/src/main/java/.*"))
                    .map(Path::getParent)
                    .distinct()
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertFalse(packages.isEmpty(), "no sources found under " + ROOT);
        List<String> without = packages.stream()
                .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                .map(dir -> ROOT.relativize(dir).toString())
                .collect(Collectors.toList());
        assertEquals(List.of(), without, "packages without a package-info.java, of " + packages.size());
    }
}
