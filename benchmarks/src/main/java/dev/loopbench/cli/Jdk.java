package dev.loopbench.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JDK this tool runs on: JMH forks the benchmarks with the same one. */
final class Jdk {

    private Jdk() {}

    static boolean hasVirtualThreads() {
        return Runtime.version().feature() >= 21;
    }

    static String describeRunning() {
        return "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + ") at "
                + System.getProperty("java.home") + "; virtual threads "
                + (hasVirtualThreads() ? "available" : "unavailable (JDK 21+ needed)");
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** benchmarks.jar, which holds this class and JMH. */
    static String selfJar() {
        try {
            Path location = Path.of(Jdk.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException("the run command must run from benchmarks.jar, not from " + location);
            }
            return location.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
