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

    /**
     * Fewest measured waves a cell rests on. Where a wave outlasts the iteration, each iteration
     * is one wave, and the cell gets more iterations rather than longer ones: JMH's interval is
     * Student's t at 99.9% over the iterations, whose factor falls from 31.6 (3 iterations) and
     * 8.6 (5) to 4.8 (10), so ten single waves tell a mean better than five iterations of two.
     */
    public static final int MIN_WAVES = 10;

    /**
     * The same for {@code --quick}, whose budget (3 minutes) ten waves of every 800 ms cell
     * overran by 25 s: still never a cell of single waves (its 800 ms waves come two to an iteration).
     */
    public static final int QUICK_MIN_WAVES = 6;

    /** A short wave's iteration is cut to the whole second that still holds this many waves. */
    public static final int WAVES_PER_SHORT_ITERATION = 10;

    /**
     * These settings fitted to a cell whose wave the model puts at {@code waveMillis}: at least
     * {@link #MIN_WAVES} measured waves, in more iterations where a wave outlasts one; one warm-up
     * iteration where a single wave fills it (a wave that long is its waits, not request
     * handling, and the JIT has little to learn from it); and measurement iterations cut to the
     * shortest whole second that still holds {@link #WAVES_PER_SHORT_ITERATION} waves, which
     * pays for the rest. Warm-up time is kept: what the JIT needs is counted in requests.
     *
     * @param waveMillis NaN when unknown: the settings as they are
     */
    public JmhSettings forWave(double waveMillis) {
        return forWave(waveMillis, MIN_WAVES);
    }

    /** @param minWaves the fewest measured waves: {@link #MIN_WAVES}, or {@link #QUICK_MIN_WAVES} */
    public JmhSettings forWave(double waveMillis, int minWaves) {
        if (Double.isNaN(waveMillis) || waveMillis <= 0) {
            return this;
        }
        double wave = waveMillis / 1000;
        int seconds = measurementSeconds;
        while (seconds > 1 && (seconds - 1) / wave >= WAVES_PER_SHORT_ITERATION) {
            seconds--;
        }
        int iterations =
                Math.max(measurementIterations, (int) Math.ceil((double) minWaves / wavesPerIteration(seconds, wave)));
        int warmups = wavesPerIteration(warmupSeconds, wave) == 1 ? Math.min(warmupIterations, 1) : warmupIterations;
        return new JmhSettings(warmups, warmupSeconds, iterations, seconds, forks);
    }

    /** Waves in one iteration: JMH lets the wave in progress finish when the time is up. */
    public static long wavesPerIteration(int seconds, double waveSeconds) {
        return Math.max(1, (long) Math.ceil(seconds / waveSeconds - 1e-9));
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
