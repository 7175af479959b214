package dev.loopbench.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** JMH options for tests: one fork, no warm-up, one short iteration, output to a file. */
final class JmhRuns {

    private JmhRuns() {}

    static ChainedOptionsBuilder smoke(Path output) {
        return new OptionsBuilder()
                .include(ConcurrentRequestsBenchmark.class.getName())
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(1))
                .addProfiler(WaveProfiler.class)
                .output(output.toString());
    }

    static String describe(Map<String, RunResult> results) {
        return results.entrySet().stream()
                .map(entry -> entry.getKey() + "="
                        + entry.getValue().getPrimaryResult().getScore() + " ms/op")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
