package dev.loopbench.matrix;

import dev.loopbench.benchmarks.BenchmarkDefaults;
import java.util.List;

/** How long JMH runs each cell: warm-up and measurement iterations, and forks. */
public record JmhSettings(
        int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis, int forks) {

    /**
     * A fork's JVM, its server, client and bystanders, the warm-up wave that opens the connections,
     * and its close; and the JMH runner's own JVM, shared by a family's cells. Measured: the cells
     * of a --quick run from a fresh clone each took 1.5 to 3.3 s more than their iterations.
     */
    static final double FORK_START_SECONDS = 3.0;

    /** The benchmark's own annotations: what {@code java -jar benchmarks.jar} runs without options. */
    public static final JmhSettings ANNOTATED = new JmhSettings(
            BenchmarkDefaults.WARMUP_ITERATIONS,
            BenchmarkDefaults.WARMUP_SECONDS * 1000,
            BenchmarkDefaults.MEASUREMENT_ITERATIONS,
            BenchmarkDefaults.MEASUREMENT_SECONDS * 1000,
            BenchmarkDefaults.FORKS);

    /**
     * The iteration time that makes every iteration exactly one wave, whatever the wave really
     * takes: JMH always finishes the operation in progress, and starts none once the time is up.
     */
    public static final int ONE_WAVE_MILLIS = 1;

    public JmhSettings withWarmupIterations(int iterations) {
        return new JmhSettings(iterations, warmupMillis, measurementIterations, measurementMillis, forks);
    }

    public JmhSettings withWarmupMillis(int millis) {
        return new JmhSettings(warmupIterations, millis, measurementIterations, measurementMillis, forks);
    }

    public JmhSettings withMeasurementIterations(int iterations) {
        return new JmhSettings(warmupIterations, warmupMillis, iterations, measurementMillis, forks);
    }

    public JmhSettings withMeasurementMillis(int millis) {
        return new JmhSettings(warmupIterations, warmupMillis, measurementIterations, millis, forks);
    }

    public JmhSettings withForks(int newForks) {
        return new JmhSettings(warmupIterations, warmupMillis, measurementIterations, measurementMillis, newForks);
    }

    /**
     * Fewest measured waves a cell rests on. JMH's interval is Student's t at 99.9% over the
     * iterations, whose factor falls from 31.6 (3 iterations) and 8.6 (5) to 4.8 (10), so ten
     * single waves tell a mean better than five iterations of two.
     */
    public static final int MIN_WAVES = 10;

    /**
     * The same for {@code --quick}, whose budget (150 s with the build) ten waves of every 800 ms
     * cell would overrun; t at 99.9% over 6 waves is 6.9.
     */
    public static final int QUICK_MIN_WAVES = 6;

    /** A short wave's iteration is cut to the whole second that still holds this many waves. */
    public static final int WAVES_PER_SHORT_ITERATION = 10;

    /**
     * These settings fitted to a cell whose wave the model puts at {@code waveMillis}.
     *
     * <ul>
     *   <li>A long wave, one that fills more than half an iteration, gets iterations of exactly one
     *       wave ({@link #ONE_WAVE_MILLIS}), {@code minWaves} of them. How many waves a longer
     *       iteration holds depends on how far the real wave is off the model: the compute cells'
     *       800 ms waves took 1.0 to 1.8 s, so "two waves an iteration" had been one, and their
     *       intervals rested on three.
     *   <li>It has no warm-up iteration where a single wave would fill one: the set-up's unmeasured
     *       wave, which opens the connections, is the same wave, and a wave that long is its waits,
     *       not request handling, so the JIT has little to learn from a second.
     *   <li>A short wave's measurement iterations are cut to the shortest whole second that still
     *       holds {@link #WAVES_PER_SHORT_ITERATION} waves, and there are enough of them for
     *       {@code minWaves}. Warm-up time is kept: what the JIT needs is counted in requests.
     * </ul>
     *
     * @param waveMillis NaN when unknown: the settings as they are
     */
    public JmhSettings forWave(double waveMillis, int minWaves) {
        if (Double.isNaN(waveMillis) || waveMillis <= 0) {
            return this;
        }
        double wave = waveMillis / 1000;
        // the set-up's own wave (ConnectionWarmUp) is the same wave: where one fills a warm-up, it is the warm-up
        int warmups = wavesPerIteration(warmupMillis, wave) == 1 ? 0 : warmupIterations;
        if (waveMillis * 2 > measurementMillis) {
            return new JmhSettings(
                    warmups, warmupMillis, Math.max(measurementIterations, minWaves), ONE_WAVE_MILLIS, forks);
        }
        int millis = measurementMillis;
        while (millis > 1000 && (millis - 1000) / waveMillis >= WAVES_PER_SHORT_ITERATION) {
            millis -= 1000;
        }
        int iterations =
                Math.max(measurementIterations, (int) Math.ceil((double) minWaves / wavesPerIteration(millis, wave)));
        return new JmhSettings(warmups, warmupMillis, iterations, millis, forks);
    }

    /**
     * A family's warm-up is what its largest waves, of this many requests, need to be compiled:
     * the JIT counts requests, not seconds.
     */
    public static final int JIT_WARMUP_CONCURRENCY = 1000;

    /**
     * {@link #forWave} for a cell of {@code concurrency} requests a wave, whose warm-up is its
     * share of the family's, sized for {@link #JIT_WARMUP_CONCURRENCY}: at least one iteration.
     * A wave of 16 timers is its 100 ms wait, whatever the JIT has done to 16 requests.
     */
    public JmhSettings forCell(double waveMillis, int concurrency, int minWaves) {
        int share = (int) Math.ceil((double) warmupIterations * concurrency / JIT_WARMUP_CONCURRENCY);
        return withWarmupIterations(Math.max(Math.min(1, warmupIterations), Math.min(warmupIterations, share)))
                .forWave(waveMillis, minWaves);
    }

    /** {@link #forWave(double, int)} with {@link #MIN_WAVES}. */
    public JmhSettings forWave(double waveMillis) {
        return forWave(waveMillis, MIN_WAVES);
    }

    /** Waves in one iteration: JMH lets the wave in progress finish when the time is up. */
    public static long wavesPerIteration(int millis, double waveSeconds) {
        return Math.max(1, (long) Math.ceil(millis / 1000.0 / waveSeconds - 1e-9));
    }

    public List<String> jmhArgs() {
        return List.of(
                "-wi",
                Integer.toString(warmupIterations),
                "-w",
                time(warmupMillis),
                "-i",
                Integer.toString(measurementIterations),
                "-r",
                time(measurementMillis),
                "-f",
                Integer.toString(forks));
    }

    /** As JMH reads a time, and as the plan and the summary write it: {@code 2s}, {@code 400ms}. */
    public static String time(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
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
                        + warmupIterations * iterationSeconds(warmupMillis, wave)
                        + measurementIterations * iterationSeconds(measurementMillis, wave));
    }

    private static double iterationSeconds(int millis, double wave) {
        double time = millis / 1000.0;
        return wave == 0 ? time : Math.ceil(time / wave - 1e-9) * wave;
    }
}
