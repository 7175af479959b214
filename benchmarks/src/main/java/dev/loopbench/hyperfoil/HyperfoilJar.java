package dev.loopbench.hyperfoil;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code hyperfoil/target/loopbench-hyperfoil.jar} is: found from this class's own
 * location (benchmarks.jar, or target/classes in tests), which sits in the same repository.
 * The jar is never on this JVM's classpath: Hyperfoil needs Vert.x 4, loopbench runs Vert.x 5.
 */
public final class HyperfoilJar {

    public static final Path IN_REPOSITORY = Path.of("hyperfoil", "target", "loopbench-hyperfoil.jar");

    /** The jar is missing; the message says how to build it. */
    public static final class Missing extends Exception {
        Missing(String message) {
            super(message, null, false, false);
        }
    }

    private HyperfoilJar() {}

    public static Path locate() throws Missing {
        Path here = codeLocation();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve(IN_REPOSITORY);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        Optional<Path> root = repositoryRoot(here);
        throw new Missing(IN_REPOSITORY + " is missing"
                + root.map(dir -> " in " + dir).orElse(" (looked above " + here + ")")
                + ": build it with ./mvnw -B package -pl hyperfoil -DskipTests");
    }

    /** The nearest directory above {@code start} with the hyperfoil module in it. */
    private static Optional<Path> repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("hyperfoil").resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Path codeLocation() {
        try {
            return Path.of(HyperfoilJar.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
