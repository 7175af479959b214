package dev.loopbench.matrix;

import java.util.List;

/** How long JMH runs each cell: warm-up and measurement iterations, and forks. */
public record JmhSettings(
        int warmupIterations, int warmupSeconds, int measurementIterations, int measurementSeconds, int forks) {

    /** JVM start, server start and the warm-up wave that opens the connections, before the first iteration. */
    static final double FORK_START_SECONDS = 2.5;

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
