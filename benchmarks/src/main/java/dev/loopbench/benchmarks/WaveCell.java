package dev.loopbench.benchmarks;

import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.WaveClient;
import dev.loopbench.model.HandlerStyle;

/**
 * One cell of the benchmark, its {@code @Param} values checked: a value JMH accepts but the
 * benchmark cannot measure fails here, in one line, before anything starts. Its failure messages
 * name the cell, so that the line under JMH's {@code <failure>} says which one.
 */
record WaveCell(
        String handler,
        int concurrency,
        int delayMs,
        int eventLoops,
        WaveClient.Kind client,
        String target,
        String bystander) {

    WaveCell(
            String handler,
            int concurrency,
            int delayMs,
            int eventLoops,
            String client,
            String target,
            String bystander) {
        this(handler, concurrency, delayMs, eventLoops, WaveClient.Kind.parse(client), target, bystander);
    }

    WaveCell {
        if (concurrency < 1) {
            throw new CellUnusable("concurrency must be at least 1, got " + concurrency);
        }
        if (delayMs < 0 || delayMs > HandlerStyle.MAX_DELAY_MS) {
            throw new CellUnusable("delayMs must be from 0 to " + HandlerStyle.MAX_DELAY_MS + ", got " + delayMs);
        }
        if (eventLoops < 1) {
            throw new CellUnusable("eventLoops must be at least 1, got " + eventLoops);
        }
    }

    boolean inProcess() {
        return target.isBlank();
    }

    boolean wantsBystanders() {
        return !bystander.isBlank() && !bystander.equals(ConcurrentRequestsBenchmark.NO_BYSTANDER);
    }

    /** A wave with a failed request is not a measurement: the cell fails, naming the handler, the count and the first error. */
    void requireAnswered(WaveClient.Wave wave, String which) {
        if (wave.failures() > 0) {
            throw new CellUnusable(String.format(
                    "%s of %s with concurrency %d failed: %d of %d requests failed, the first with: %s",
                    which, handler, concurrency, wave.failures(), wave.requests(), wave.firstError()));
        }
    }
}
