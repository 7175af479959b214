package dev.loopbench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a JDK with virtual threads (21+) for the tests that need one, without hard-coding a
 * path: {@code LOOPBENCH_VT_JAVA_HOME} if set, else the JDK running the tests, {@code JAVA_HOME},
 * and the JDKs installed beside either of them (Debian keeps them side by side in one folder).
 */
final class Jdks {

    static final int VIRTUAL_THREADS_SINCE = 21;
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?([0-9][^\"]*)\"?", Pattern.MULTILINE);

    record Jdk(Path home, String version) {

        Path java() {
            return home.resolve("bin").resolve("java");
        }

        int feature() {
            String[] parts = version.split("[.+-]");
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        }

        @Override
        public String toString() {
            return "Java " + version + " at " + home;
        }
    }

    private Jdks() {}

    /**
     * {@code LOOPBENCH_REQUIRE_VT} set (and not {@code 0}): a CI that has a JDK 21+ says so, and
     * losing it fails the virtual-thread tests instead of skipping them quietly.
     */
    static boolean virtualThreadsRequired() {
        String required = System.getenv("LOOPBENCH_REQUIRE_VT");
        return required != null && !required.isBlank() && !required.strip().equals("0");
    }

    /** A JDK 21+, or a skipped test that says where it looked; a failure instead when they are required. */
    static Jdk withVirtualThreadsOrSkip() {
        Optional<Jdk> jdk = withVirtualThreads();
        if (jdk.isPresent()) {
            return jdk.get();
        }
        String reason = "no JDK " + VIRTUAL_THREADS_SINCE + "+ found; looked at " + searched()
                + ". Install one beside this JDK or set LOOPBENCH_VT_JAVA_HOME.";
        if (virtualThreadsRequired()) {
            throw new AssertionError("LOOPBENCH_REQUIRE_VT is set but " + reason);
        }
        System.out.println("SKIPPED virtual-thread tests: " + reason);
        return Assumptions.abort(reason);
    }

    static Jdk current() {
        return new Jdk(Path.of(System.getProperty("java.home")), System.getProperty("java.version"));
    }

    static Optional<Jdk> withVirtualThreads() {
        String explicit = System.getenv("LOOPBENCH_VT_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) {
            Jdk jdk = read(Path.of(explicit))
                    .orElseThrow(() -> new AssertionError(
                            "LOOPBENCH_VT_JAVA_HOME=" + explicit + " is not a JDK (no bin/java and release file)"));
            if (jdk.feature() < VIRTUAL_THREADS_SINCE) {
                throw new AssertionError("LOOPBENCH_VT_JAVA_HOME points at " + jdk + "; virtual threads need 21+");
            }
            return Optional.of(jdk);
        }
        if (current().feature() >= VIRTUAL_THREADS_SINCE) {
            return Optional.of(current());
        }
        return candidates().stream()
                .filter(jdk -> jdk.feature() >= VIRTUAL_THREADS_SINCE)
                .max(Comparator.comparingInt(Jdk::feature));
    }

    /** For skip messages: what was looked at. */
    static String searched() {
        return "LOOPBENCH_VT_JAVA_HOME (unset), the running " + current() + ", JAVA_HOME ("
                + Optional.ofNullable(System.getenv("JAVA_HOME")).orElse("unset") + ") and the JDKs beside them: "
                + candidates();
    }

    private static List<Jdk> candidates() {
        Map<Path, Jdk> found = new LinkedHashMap<>();
        List<Path> homes = new ArrayList<>();
        homes.add(current().home());
        Optional.ofNullable(System.getenv("JAVA_HOME"))
                .filter(home -> !home.isBlank())
                .map(Path::of)
                .ifPresent(homes::add);
        for (Path home : homes) {
            addIfJdk(home, found);
            Path parent = realPath(home).getParent();
            if (parent != null && Files.isDirectory(parent)) {
                try (Stream<Path> siblings = Files.list(parent)) {
                    siblings.forEach(sibling -> addIfJdk(sibling, found));
                } catch (IOException e) {
                    // an unreadable folder just holds no candidates
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static void addIfJdk(Path home, Map<Path, Jdk> found) {
        read(home).ifPresent(jdk -> found.putIfAbsent(realPath(home), jdk));
    }

    private static Optional<Jdk> read(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(new Jdk(realPath(home), version.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath();
        }
    }
}
