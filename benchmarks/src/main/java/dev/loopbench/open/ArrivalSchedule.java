package dev.loopbench.open;

import java.util.SplittableRandom;

/**
 * When each request of one sender is due, in nanoseconds after the run's start. A run of R
 * requests a second is split over K senders, one per client event loop, each with a schedule of
 * its own whose union is the run's:
 * <ul>
 * <li>constant: sender k sends requests k, k + K, k + 2K, ... of the run, request i at i / R, so
 *     the union is exactly one request every 1 / R;</li>
 * <li>Poisson: each sender draws exponential gaps at rate R / K from a generator of its own (seed
 *     + k), and the union of K independent Poisson processes is a Poisson process of rate R.</li>
 * </ul>
 * The schedule is computed as it goes, never stored: a run of 10 000 requests a second for an
 * hour is as cheap as one of ten.
 */
final class ArrivalSchedule {

    private final double firstNanos;
    private final double gapNanos;
    private final SplittableRandom random;
    private long taken;
    private double dueNanos;

    private ArrivalSchedule(double firstNanos, double gapNanos, SplittableRandom random) {
        this.firstNanos = firstNanos;
        this.gapNanos = gapNanos;
        this.random = random;
        this.dueNanos = random == null ? firstNanos : exponentialGap();
    }

    /** Sender {@code index} of {@code senders}, for a whole run of {@code ratePerSecond}. */
    static ArrivalSchedule of(double ratePerSecond, int index, int senders, boolean poisson, long seed) {
        double runGapNanos = 1e9 / ratePerSecond;
        return poisson
                ? new ArrivalSchedule(0, runGapNanos * senders, new SplittableRandom(seed + index))
                : new ArrivalSchedule(runGapNanos * index, runGapNanos * senders, null);
    }

    /** When the next request is due, without taking it. */
    long peekNanos() {
        return (long) dueNanos;
    }

    /** When the next request is due; moves on to the one after it. */
    long takeNanos() {
        long due = (long) dueNanos;
        taken++;
        // constant: computed from the count, so that rounding never adds up over a long run
        dueNanos = random == null ? firstNanos + taken * gapNanos : dueNanos + exponentialGap();
        return due;
    }

    private double exponentialGap() {
        return -Math.log(1 - random.nextDouble()) * gapNanos;
    }
}
