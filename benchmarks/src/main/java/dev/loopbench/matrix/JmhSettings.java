package dev.loopbench.matrix;

import dev.loopbench.benchmarks.BenchmarkDefaults;
import java.util.List;

/** How long JMH runs each cell: warm-up and measurement iterations, and forks. */
public record JmhSettings(
        int warmupIterations, int warmupSeconds, int measurementIterations, int measurementSeconds, int forks) {

    /** JVM start, server start and the warm-up wave that opens the connections, before the first iteration. */
    static final double FORK_START_SECONDS = 2.5;

    /** The benchmark's own annotations: what {@code java -jar benchmarks.jar} runs without options. */
    public static final JmhSettings ANNOTATED = new JmhSettings(
            BenchmarkDefaults.WARMUP_ITERATIONS,
            BenchmarkDefaults.WARMUP_SECONDS,
            BenchmarkDefaults.MEASUREMENT_ITERATIONS,
            BenchmarkDefaults.MEASUREMENT_SECONDS,
            BenchmarkDefaults.FORKS);

    public JmhSettings withWarmupIterations(int iterations) {
        return new JmhSettings(iterations, warmupSeconds, measurementIterations, measurementSeconds, forks);
    }

    public JmhSettings withWarmupSeconds(int seconds) {
        return new JmhSettings(warmupIterations, seconds, measurementIterations, measurementSeconds, forks);
    }

    public JmhSettings withMeasurementIterations(int iterations) {
        return new JmhSettings(warmupIterations, warmupSeconds, iterations, measurementSeconds, forks);
    }

    public JmhSettings withMeasurementSeconds(int seconds) {
        return new JmhSettings(warmupIterations, warmupSeconds, measurementIterations, seconds, forks);
    }

    public JmhSettings withForks(int newForks) {
        return new JmhSettings(warmupIterations, warmupSeconds, measurementIterations, measurementSeconds, newForks);
    }

    public List<String> jmhArgs() {
        return List.of(
                "-wi",
                Integer.toString(warmupIterations),
                "-w",
                warmupSeconds + "s",
                "-i",
                Integer.toString(measurementIterations),
                "-r",
                measurementSeconds + "s",
                "-f",
                Integer.toString(forks));
    }

    /**
     * What a cell costs: JMH ends an iteration after the operation in progress when its time is
     * up, so an iteration lasts {@code ceil(time / T) x T}, at least one wave.
     *
     * @param waveMillis the predicted wave time, NaN when unknown (an iteration then lasts its time)
     */
    public double estimateSeconds(double waveMillis) {
        double wave = Double.isNaN(waveMillis) || waveMillis <= 0 ? 0 : waveMillis / 1000;
        return forks
                * (FORK_START_SECONDS
                        + wave
                        + warmupIterations * iterationSeconds(warmupSeconds, wave)
                        + measurementIterations * iterationSeconds(measurementSeconds, wave));
    }

    private static double iterationSeconds(int time, double wave) {
        return wave == 0 ? time : Math.ceil(time / wave) * wave;
    }
}
