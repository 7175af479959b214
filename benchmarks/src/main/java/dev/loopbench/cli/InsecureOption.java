package dev.loopbench.cli;

import dev.loopbench.benchmarks.ForkSettings;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --insecure} on every command that can measure an {@code https://} target. */
final class InsecureOption {

    @Option(
            names = "--insecure",
            description = "accept any certificate of an https:// target, self-signed ones included (the JMH jar:"
                    + " -jvmArgsPrepend -D" + ForkSettings.INSECURE_PROPERTY + "=true)")
    boolean insecure;

    /** For the clients of this JVM: the probe, the timeline's waves, a diagnosis. */
    void applyHere() {
        if (insecure) {
            System.setProperty(ForkSettings.INSECURE_PROPERTY, "true");
        }
    }

    /** For JMH's forked JVMs, which inherit the environment. */
    Map<String, String> forForks() {
        return insecure ? Map.of(ForkSettings.INSECURE_VARIABLE, "true") : Map.of();
    }
}
