package dev.loopbench.diagnose;

import dev.loopbench.model.Lanes;
import dev.loopbench.model.Statistics;
import dev.loopbench.model.WaveModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Fits the staircase {@code T(N) = a + ceil(N / L) x D} to a whole sweep. Every candidate L (1 up
 * to the largest N probed, and unbounded) gets its own {@code a >= 0}, anchored on the waves it
 * says take one round (N = 1 always does: the single-request time), and a score: the sum over the
 * probes of their squared distance to the candidate's step, in units of a probe's tolerance. The
 * best score wins; the sweep keeps probing where the candidates that score about as well disagree
 * ({@link #nextProbe}). Without {@code --ms}, D is fitted per candidate too, as the step height.
 * Pure arithmetic on measurements, so it is tested on made-up sweeps as well as on real servers.
 */
public final class LanesFit {

    /**
     * A probe lies on its step within 0.3 D, or 10% of its wave time where that is more: a step is a
     * whole D, and on a busy 2-core machine uvicorn's waves of 64 ran 30 ms over theirs at D = 100.
     */
    static final double STEP_TOLERANCE = 0.3;

    static final double RELATIVE_TOLERANCE = 0.10;

    /** A probe further off than this many tolerances weighs no more: one wild probe cannot drag the fit. */
    static final double CAP = 4;

    /** Candidates scoring within this of the best are not yet told apart by the probes. */
    static final double PLAUSIBLE_MARGIN = 2;

    /** Without {@code --ms}, a step under this share of the one-round time is no step of D, but noise. */
    static final double SMALLEST_STEP = 0.3;

    /** Above this many candidates, the probes that could split them are sampled, not all tried. */
    private static final int SPLIT_SAMPLES = 64;

    private LanesFit() {}

    /**
     * A candidate's fit of the staircase to the sweep.
     *
     * @param lanes {@link Lanes#UNBOUNDED} for one round at every N
     * @param score the sum of squared distances to the steps, in tolerances, each capped at {@link #CAP}
     */
    public record Candidate(
            Lanes lanes,
            double offsetMillis,
            double delayMillis,
            double score,
            double rmsMillis,
            double worstMillis,
            int fitting,
            double stallMillis) {

        OptionalInt lanesOrEmpty() {
            return lanes.isBounded() ? OptionalInt.of(lanes.count()) : OptionalInt.empty();
        }
    }

    /**
     * @param lanes empty when every probed N fitted in one round
     * @param exact whether probes at N = L and N = L + 1 both lie on their steps, so that no other L fits
     * @param offsetMillis a, the fixed time beyond the rounds of D, at least 0
     * @param delayMillis D: the one given, or the fitted step height without {@code --ms}
     * @param fitting how many probes lie on their step of the staircase
     * @param rmsMillis the residual: the root mean square of the probes' distances to their steps
     * @param tiedUpTo the largest L that fits the probes exactly as well (the step lies between); empty
     *     when L is pinned or unbounded
     * @param runnerUp the best candidate the probes tell apart from this one, for the residual it leaves
     * @param stallMillis the part of a that a wave carries or not (a keep-alive answer held back by
     *     Nagle's algorithm until the client's delayed ACK, which quick-ACK mode sometimes skips): a
     *     wave then lies anywhere from {@code a - stall} to {@code a} above its rounds of D; 0 when a
     *     is the same for every wave
     */
    public record Fit(
            OptionalInt lanes,
            boolean exact,
            double offsetMillis,
            double delayMillis,
            int fitting,
            int probes,
            double worstMillis,
            double rmsMillis,
            OptionalInt tiedUpTo,
            Optional<Candidate> runnerUp,
            double stallMillis) {

        public boolean unbounded() {
            return lanes.isEmpty();
        }

        /** Predicted wave time at N. */
        public double predictedMillis(int concurrency) {
            Lanes l = lanes.isPresent() ? Lanes.of(lanes.getAsInt()) : Lanes.UNBOUNDED;
            return WaveModel.correctedMillis(offsetMillis, WaveModel.predictedMillis(concurrency, delayMillis, l));
        }

        /** How far a probe lies from its step: 0 on it, below it negative, above it positive. */
        public double offMillis(SweepPoint probe) {
            return LanesFit.offMillis(probe.waveMillis(), predictedMillis(probe.concurrency()), stallMillis);
        }

        /** Whether a probe lies on its step of this staircase. */
        public boolean onStep(SweepPoint probe) {
            return Math.abs(offMillis(probe)) <= tolerance(probe.waveMillis(), delayMillis);
        }
    }

    /**
     * The distance of a wave time from its step, which is the predicted time, or with a stall the
     * span from {@code predicted - stall} (never below the rounds of D alone) to the predicted time.
     */
    static double offMillis(double measuredMillis, double predictedMillis, double stallMillis) {
        double low = predictedMillis - stallMillis;
        if (measuredMillis < low) {
            return measuredMillis - low;
        }
        return Math.max(0, measuredMillis - predictedMillis);
    }

    /** How far a probe of this wave time may lie from its step. */
    static double tolerance(double waveMillis, double delayMillis) {
        return Math.max(STEP_TOLERANCE * delayMillis, RELATIVE_TOLERANCE * waveMillis);
    }

    /**
     * @param delayMillis D: given with {@code --ms}, or only a first guess (the single-request time)
     * @param delayKnown whether D was given; if not, each candidate fits its own D
     */
    public static Fit fit(List<SweepPoint> probes, double delayMillis, boolean delayKnown) {
        return fit(probes, delayMillis, delayKnown, 0);
    }

    /** @param stallMillis a keep-alive answer's stall that a wave may carry or not (see {@link Fit}), or 0 */
    public static Fit fit(List<SweepPoint> probes, double delayMillis, boolean delayKnown, double stallMillis) {
        List<SweepPoint> sorted = latest(probes);
        List<Candidate> candidates = candidates(sorted, delayMillis, delayKnown, stallMillis);
        Candidate chosen = choose(candidates);
        double tie = chosen.score() + 1e-9;
        List<Candidate> plausible = plausible(candidates);
        OptionalInt tiedUpTo = chosen.lanes().isBounded()
                ? candidates.stream()
                        .filter(c -> c.score() <= tie && c.lanes().isBounded())
                        .mapToInt(c -> c.lanes().count())
                        .max()
                        .stream()
                        .filter(upTo -> upTo > chosen.lanes().count())
                        .findFirst()
                : OptionalInt.empty();
        Optional<Candidate> runnerUp =
                candidates.stream().filter(c -> c.score() > tie).min(Comparator.comparingDouble(Candidate::score));
        boolean exact = false;
        if (chosen.lanes().isBounded() && plausible.size() == 1) {
            int l = chosen.lanes().count();
            Fit draft = fitOf(chosen, sorted.size(), false, OptionalInt.empty(), runnerUp);
            exact = probeAt(sorted, l).filter(draft::onStep).isPresent()
                    && probeAt(sorted, l + 1).filter(draft::onStep).isPresent();
        }
        return fitOf(chosen, sorted.size(), exact, tiedUpTo, runnerUp);
    }

    private static Fit fitOf(
            Candidate chosen, int probes, boolean exact, OptionalInt tiedUpTo, Optional<Candidate> runnerUp) {
        return new Fit(
                chosen.lanesOrEmpty(),
                exact,
                chosen.offsetMillis(),
                chosen.delayMillis(),
                chosen.fitting(),
                probes,
                chosen.worstMillis(),
                chosen.rmsMillis(),
                tiedUpTo,
                runnerUp,
                chosen.stallMillis());
    }

    /**
     * The N to probe next: one that splits the candidates the sweep cannot yet tell apart, or, once
     * one is left, N = L and N = L + 1 to pin its step. Empty when nothing more would tell.
     */
    public static OptionalInt nextProbe(
            List<SweepPoint> probes, double delayMillis, boolean delayKnown, int maxConcurrency) {
        return nextProbe(probes, delayMillis, delayKnown, maxConcurrency, 0);
    }

    public static OptionalInt nextProbe(
            List<SweepPoint> probes, double delayMillis, boolean delayKnown, int maxConcurrency, double stallMillis) {
        List<SweepPoint> sorted = latest(probes);
        Set<Integer> probed = sorted.stream().map(SweepPoint::concurrency).collect(Collectors.toSet());
        List<Candidate> candidates = candidates(sorted, delayMillis, delayKnown, stallMillis);
        List<Candidate> plausible = plausible(candidates);
        if (plausible.size() > 1) {
            OptionalInt split = split(plausible, probed, maxConcurrency);
            if (split.isPresent()) {
                return split;
            }
        }
        Candidate chosen = choose(candidates);
        if (chosen.lanes().isBounded()) {
            int l = chosen.lanes().count();
            for (int n : new int[] {l, l + 1}) {
                if (n <= maxConcurrency && !probed.contains(n)) {
                    return OptionalInt.of(n);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** The unprobed N whose predicted rounds part the candidates most evenly; empty if none parts them. */
    private static OptionalInt split(List<Candidate> plausible, Set<Integer> probed, int maxConcurrency) {
        TreeSet<Integer> tries = new TreeSet<>();
        List<Integer> bounded = plausible.stream()
                .filter(c -> c.lanes().isBounded())
                .map(c -> c.lanes().count())
                .sorted()
                .toList();
        if (bounded.isEmpty()) {
            return OptionalInt.empty();
        }
        if (bounded.size() <= SPLIT_SAMPLES) {
            bounded.forEach(l -> {
                tries.add(l);
                tries.add(l + 1);
            });
        } else {
            int low = bounded.get(0);
            int high = bounded.get(bounded.size() - 1) + 1;
            for (int i = 0; i <= SPLIT_SAMPLES; i++) {
                tries.add(low + (int) ((long) (high - low) * i / SPLIT_SAMPLES));
            }
        }
        int best = -1;
        int bestLargestGroup = plausible.size();
        for (int n : tries) {
            if (n < 1 || n > maxConcurrency || probed.contains(n)) {
                continue;
            }
            Map<Long, Integer> groups = new HashMap<>();
            for (Candidate c : plausible) {
                groups.merge(WaveModel.rounds(n, c.lanes()), 1, Integer::sum);
            }
            int largest =
                    groups.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (largest < bestLargestGroup) {
                bestLargestGroup = largest;
                best = n;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /**
     * Probes slower than a probe of larger N by more than their tolerance. A staircase only goes
     * up: such a probe was measured while the endpoint had fewer lanes (a pool that grows, a cold
     * start) or on a busy moment, and is worth measuring again.
     */
    public static List<SweepPoint> fallsBack(List<SweepPoint> probes, double delayMillis) {
        List<SweepPoint> sorted = latest(probes);
        List<SweepPoint> slower = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            SweepPoint probe = sorted.get(i);
            double fastestAbove = Double.POSITIVE_INFINITY;
            for (int j = i + 1; j < sorted.size(); j++) {
                fastestAbove = Math.min(fastestAbove, sorted.get(j).waveMillis());
            }
            if (probe.waveMillis() > fastestAbove + tolerance(probe.waveMillis(), delayMillis)) {
                slower.add(probe);
            }
        }
        return slower;
    }

    /** Every candidate, best first. */
    static List<Candidate> candidates(List<SweepPoint> probes, double delayMillis, boolean delayKnown) {
        return candidates(probes, delayMillis, delayKnown, 0);
    }

    static List<Candidate> candidates(
            List<SweepPoint> probes, double delayMillis, boolean delayKnown, double stallMillis) {
        List<SweepPoint> sorted = latest(probes);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no probes to fit");
        }
        int largest = sorted.get(sorted.size() - 1).concurrency();
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(evaluate(sorted, Lanes.UNBOUNDED, delayMillis, delayKnown, stallMillis));
        for (int l = 1; l < largest; l++) { // L >= the largest N probed is unbounded as far as the sweep saw
            candidates.add(evaluate(sorted, Lanes.of(l), delayMillis, delayKnown, stallMillis));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score));
        return candidates;
    }

    static Candidate evaluate(
            List<SweepPoint> sorted, Lanes lanes, double delayMillis, boolean delayKnown, double stallMillis) {
        int n = sorted.size();
        long[] rounds = new long[n];
        List<Double> oneRound = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rounds[i] = WaveModel.rounds(sorted.get(i).concurrency(), lanes);
            if (rounds[i] == 1) {
                oneRound.add(sorted.get(i).waveMillis());
            }
        }
        if (oneRound.isEmpty()) { // no N = 1 probe: the fastest wave stands in for one round
            oneRound.add(
                    sorted.stream().mapToDouble(SweepPoint::waveMillis).min().getAsDouble());
        }
        double single = Statistics.median(oneRound);
        double delay;
        double offset;
        if (delayKnown) {
            delay = delayMillis;
            offset = Math.max(0, single - delay);
        } else {
            double rise = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                rise += (rounds[i] - 1) * (sorted.get(i).waveMillis() - single);
                squares += (double) (rounds[i] - 1) * (rounds[i] - 1);
            }
            delay = squares == 0 ? single : Math.min(single, rise / squares);
            offset = single - delay;
            if (squares > 0 && delay < SMALLEST_STEP * single) {
                return new Candidate(
                        lanes, offset, delay, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, 0, 0); // no step of D
            }
        }
        Candidate fitted = scored(sorted, rounds, lanes, offset, delay, stallMillis);
        double stallFree = single - stallMillis;
        if (!delayKnown && stallMillis > 0 && stallFree >= SMALLEST_STEP * single) {
            // without --ms, waves that escape the stall pull the fitted step down; a stall seen one
            // request at a time is most of a, so D is also tried as the single time less the stall
            Candidate stalled = scored(sorted, rounds, lanes, stallMillis, stallFree, stallMillis);
            if (stalled.score() < fitted.score()) {
                return stalled;
            }
        }
        return fitted;
    }

    private static Candidate scored(
            List<SweepPoint> sorted, long[] rounds, Lanes lanes, double offset, double delay, double stallMillis) {
        int n = sorted.size();
        // a stall larger than a itself would reach below the rounds of D alone
        double stall = Math.min(stallMillis, offset);
        double score = 0;
        double squaredMillis = 0;
        double worst = 0;
        int fitting = 0;
        for (int i = 0; i < n; i++) {
            double measured = sorted.get(i).waveMillis();
            double off = offMillis(measured, offset + rounds[i] * delay, stall);
            double tolerance = tolerance(measured, delay);
            score += Math.min(CAP * CAP, (off / tolerance) * (off / tolerance));
            squaredMillis += off * off;
            worst = Math.max(worst, Math.abs(off));
            if (Math.abs(off) <= tolerance) {
                fitting++;
            }
        }
        return new Candidate(lanes, offset, delay, score, Math.sqrt(squaredMillis / n), worst, fitting, stall);
    }

    /** The best score; among equal ones, unbounded, then the fewest lanes. */
    private static Candidate choose(List<Candidate> candidates) {
        double best = candidates.get(0).score();
        return candidates.stream()
                .filter(c -> c.score() <= best + 1e-9)
                .min(Comparator.comparingInt((Candidate c) -> c.lanes().isBounded() ? 1 : 0)
                        .thenComparingInt(c -> c.lanes().count()))
                .orElseThrow();
    }

    private static List<Candidate> plausible(List<Candidate> candidates) {
        double best = candidates.get(0).score();
        return candidates.stream()
                .filter(c -> c.score() <= best + PLAUSIBLE_MARGIN)
                .toList();
    }

    private static Optional<SweepPoint> probeAt(List<SweepPoint> sorted, int concurrency) {
        return sorted.stream().filter(p -> p.concurrency() == concurrency).findFirst();
    }

    /** One probe per N, the last measured, in the order of N. */
    static List<SweepPoint> latest(List<SweepPoint> probes) {
        Map<Integer, SweepPoint> byN = new HashMap<>();
        probes.forEach(probe -> byN.put(probe.concurrency(), probe));
        List<SweepPoint> sorted = new ArrayList<>(byN.values());
        sorted.sort(Comparator.comparingInt(SweepPoint::concurrency));
        return sorted;
    }
}
