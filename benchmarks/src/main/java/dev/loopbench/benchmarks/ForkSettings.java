package dev.loopbench.benchmarks;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings that must reach JMH's forked benchmark JVMs without becoming a {@code @Param}: a
 * parameter would become part of every result's identity, and results would no longer compare
 * with those of earlier runs. Each is a system property ({@code -jvmArgsPrepend -Dloopbench...}
 * when running the jar) or an environment variable, which the forks inherit;
 * {@code run-benchmarks.sh} sets the variables.
 */
public final class ForkSettings {

    public static final String INSECURE_PROPERTY = "loopbench.insecure";
    public static final String INSECURE_VARIABLE = "LOOPBENCH_INSECURE";
    public static final String LATENCY_DIRECTORY_PROPERTY = "loopbench.latencyDir";
    public static final String LATENCY_DIRECTORY_VARIABLE = "LOOPBENCH_LATENCY_DIR";

    private ForkSettings() {}

    /** Whether an {@code https://} target's certificate is accepted unchecked (self-signed). */
    public static boolean insecure() {
        return setting(INSECURE_PROPERTY, INSECURE_VARIABLE)
                .map(value -> value.equalsIgnoreCase("true") || value.equals("1"))
                .orElse(false);
    }

    /** Where each cell's latency histogram log goes; none when unset. */
    public static Optional<Path> latencyDirectory() {
        return setting(LATENCY_DIRECTORY_PROPERTY, LATENCY_DIRECTORY_VARIABLE).map(Path::of);
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
