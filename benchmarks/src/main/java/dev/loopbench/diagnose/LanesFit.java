package dev.loopbench.diagnose;

import dev.loopbench.model.Lanes;
import dev.loopbench.model.Statistics;
import dev.loopbench.model.WaveModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads lanes from a sweep: L is the largest N whose wave is served in one round of D, and the
 * whole sweep is then checked against the staircase {@code T0 + ceil(N / L) x D}. Pure
 * arithmetic on measurements, so it is tested on made-up sweeps as well as on real servers.
 */
public final class LanesFit {

    /**
     * One round ends below 1.5 D: a second round takes at least 2 D, and the harness's own time
     * for a wave (30 ms at N = 1000 on 2 cores) stays well under half of any D worth diagnosing.
     */
    static final double ONE_ROUND_LIMIT = 1.5;

    private LanesFit() {}

    /**
     * @param lanes empty when every probed N fitted in one round
     * @param exact whether a probe at N = L and one at N = L + 1 pin the step down exactly
     * @param offsetMillis T0, the wave time beyond the rounds of D, a median over the sweep
     * @param fitting how many probes lie on their step of the staircase: their rounds of D, counted from
     *     T0, are the ones {@code ceil(N / L)} predicts (the harness's own share grows with N, so a
     *     fixed margin around one T0 would judge the harness, not the endpoint)
     */
    public record Fit(
            OptionalInt lanes, boolean exact, double offsetMillis, int fitting, int probes, double worstMillis) {

        public boolean unbounded() {
            return lanes.isEmpty();
        }

        /** The staircase this fit reads from the sweep: T0 + ceil(N / L) x D. */
        public double staircaseMillis(int concurrency, double delayMillis) {
            return WaveModel.correctedMillis(
                    offsetMillis, WaveModel.predictedMillis(concurrency, delayMillis, modelLanes(lanes)));
        }
    }

    /** The largest N known to fit in one round, and the smallest known not to: where to search next. */
    public record Bracket(int lastOneRound, int firstMoreRounds) {

        public boolean closed() {
            return firstMoreRounds - lastOneRound <= 1;
        }

        public int middle() {
            return lastOneRound + (firstMoreRounds - lastOneRound) / 2;
        }
    }

    /**
     * Empty while no probe above the largest one-round N took more rounds. A staircase only goes
     * up, so a slow probe below a one-round one was noise (a JIT compile, a busy machine), not a step.
     */
    public static Optional<Bracket> bracket(List<SweepPoint> probes, double delayMillis) {
        int lastOneRound = probes.stream()
                .filter(probe -> probe.oneRound(delayMillis))
                .mapToInt(SweepPoint::concurrency)
                .max()
                .orElse(0);
        return probes.stream()
                .filter(probe -> probe.concurrency() > lastOneRound && !probe.oneRound(delayMillis))
                .mapToInt(SweepPoint::concurrency)
                .min()
                .stream()
                .mapToObj(firstMoreRounds -> new Bracket(lastOneRound, firstMoreRounds))
                .findFirst();
    }

    public static Fit fit(List<SweepPoint> probes, double delayMillis) {
        List<SweepPoint> sorted = new ArrayList<>(probes);
        sorted.sort(Comparator.comparingInt(SweepPoint::concurrency));
        Optional<Bracket> bracket = bracket(sorted, delayMillis);
        OptionalInt lanes =
                bracket.map(b -> OptionalInt.of(Math.max(1, b.lastOneRound()))).orElse(OptionalInt.empty());
        boolean exact = bracket.map(Bracket::closed).orElse(false);
        Lanes modelLanes = modelLanes(lanes);
        List<Double> offsets = new ArrayList<>();
        for (SweepPoint probe : sorted) {
            offsets.add(probe.waveMillis() - WaveModel.predictedMillis(probe.concurrency(), delayMillis, modelLanes));
        }
        double offset = Statistics.median(offsets);
        int fitting = 0;
        double worst = 0;
        for (SweepPoint probe : sorted) {
            double predicted = WaveModel.correctedMillis(
                    offset, WaveModel.predictedMillis(probe.concurrency(), delayMillis, modelLanes));
            worst = Math.max(worst, Math.abs(probe.waveMillis() - predicted));
            long measuredRounds = Math.max(1, Math.round((probe.waveMillis() - offset) / delayMillis));
            if (measuredRounds == WaveModel.rounds(probe.concurrency(), modelLanes)) {
                fitting++;
            }
        }
        return new Fit(lanes, exact, offset, fitting, sorted.size(), worst);
    }

    private static Lanes modelLanes(OptionalInt lanes) {
        return lanes.isPresent() ? Lanes.of(lanes.getAsInt()) : Lanes.UNBOUNDED;
    }
}
