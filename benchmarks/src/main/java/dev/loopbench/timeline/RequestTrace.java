package dev.loopbench.timeline;

/**
 * One request of a traced wave, every time in milliseconds from the wave's start. The server's
 * times are NaN when it did not send them; for an external server they are on its own clock,
 * shifted so that its first {@code received} is 0.
 */
public record RequestTrace(
        int index, double sent, double received, double started, double finished, double answered, String thread) {

    public boolean hasServerTimes() {
        return !Double.isNaN(started);
    }
}
