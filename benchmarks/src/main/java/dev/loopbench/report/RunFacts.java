package dev.loopbench.report;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.matrix.JmhSettings;
import java.util.List;
import java.util.TreeSet;

/** How a results file was produced, in one line: JDK, VM and JMH settings. */
public record RunFacts(String jdk, String settings) {

    public static RunFacts of(List<JmhResult> results) {
        TreeSet<String> jdks = new TreeSet<>();
        TreeSet<String> settings = new TreeSet<>();
        for (JmhResult result : results) {
            jdks.add("JDK " + result.settings().jdkVersion() + " ("
                    + result.settings().vmName() + ")");
            settings.add(result.settings().warmupIterations() + " x "
                    + result.settings().warmupTime() + " warm-up, "
                    + result.settings().measurementIterations() + " x "
                    + iteration(result.settings().measurementTime())
                    + " measurement, " + result.forks() + " fork" + (result.forks() == 1 ? "" : "s"));
        }
        return new RunFacts(String.join("; ", jdks), String.join("; ", settings));
    }

    /** JMH's "1 ms" is the plan's one wave an iteration ({@link JmhSettings#ONE_WAVE_MILLIS}). */
    private static String iteration(String time) {
        return time.equals(JmhSettings.ONE_WAVE_MILLIS + " ms") ? "1 wave" : time;
    }

    public String describe() {
        return jdk + " · " + settings;
    }
}
