package dev.loopbench.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fitting lanes to a sweep")
class LanesFitTest {

    private static final double D = 50;

    /** A server with exactly {@code lanes} lanes and a harness cost of {@code offset} ms. */
    private static List<SweepPoint> staircase(int lanes, double offset, int... concurrency) {
        List<SweepPoint> probes = new ArrayList<>();
        for (int n : concurrency) {
            long rounds = lanes == 0 ? 1 : (n + lanes - 1) / lanes;
            probes.add(new SweepPoint(n, offset + rounds * D, offset + rounds * D, 5));
        }
        return probes;
    }

    @Test
    @DisplayName("finds 3 lanes, exactly, from one round at N = 3 and two at N = 4, and all probes on the staircase")
    void threeLanes() {
        List<SweepPoint> probes = staircase(3, 4, 1, 2, 4, 8, 16, 3);
        LanesFit.Fit fit = LanesFit.fit(probes, D);
        assertEquals(OptionalInt.of(3), fit.lanes(), probes.toString());
        assertTrue(fit.exact(), probes.toString());
        assertEquals(fit.probes(), fit.fitting(), probes.toString());
        assertEquals(4, fit.offsetMillis(), 1e-9, probes.toString());
    }

    @Test
    @DisplayName("finds 1 lane when two requests already take two rounds")
    void oneLane() {
        LanesFit.Fit fit = LanesFit.fit(staircase(1, 2, 1, 2, 4, 8), D);
        assertEquals(OptionalInt.of(1), fit.lanes());
        assertTrue(fit.exact());
    }

    @Test
    @DisplayName("says unbounded when every wave is served in one round")
    void unbounded() {
        LanesFit.Fit fit = LanesFit.fit(staircase(0, 6, 1, 2, 4, 8, 16, 32, 64), D);
        assertTrue(fit.unbounded());
        assertEquals(fit.probes(), fit.fitting());
    }

    @Test
    @DisplayName("asks for the probe between the last one-round N and the first that took more")
    void bracketsTheStep() {
        List<SweepPoint> probes = staircase(40, 3, 1, 2, 4, 8, 16, 32, 64);
        LanesFit.Bracket bracket = LanesFit.bracket(probes, D).orElseThrow();
        assertEquals(32, bracket.lastOneRound());
        assertEquals(64, bracket.firstMoreRounds());
        assertEquals(48, bracket.middle());
        assertFalse(bracket.closed());
        assertFalse(LanesFit.fit(probes, D).exact(), "not pinned before N = 40 and 41 are probed");
    }

    @Test
    @DisplayName("takes a slow probe below a one-round one for noise, not a step: a staircase only goes up")
    void noiseIsNotAStep() {
        List<SweepPoint> probes = new ArrayList<>(staircase(0, 5, 1, 2, 4, 8, 16, 64));
        probes.add(new SweepPoint(32, 78, 78, 5)); // a busy moment at N = 32, while N = 64 took one round
        assertTrue(LanesFit.bracket(probes, D).isEmpty(), probes.toString());
        assertTrue(LanesFit.fit(probes, D).unbounded(), probes.toString());
    }

    @Test
    @DisplayName("counts a probe off the staircase, so the verdict can say it is unsure")
    void noisyProbe() {
        List<SweepPoint> probes = new ArrayList<>(staircase(2, 3, 1, 2, 4, 8, 3));
        probes.add(new SweepPoint(16, 3 + 8 * D + 120, 0, 5)); // a probe 120 ms late
        LanesFit.Fit fit = LanesFit.fit(probes, D);
        assertEquals(OptionalInt.of(2), fit.lanes(), probes.toString());
        assertEquals(fit.probes() - 1, fit.fitting(), probes.toString());
    }
}
