package dev.loopbench.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Fitting lanes to a sweep")
class LanesFitTest {

    private static final double D = 50;

    /** A made-up endpoint: the wave time of N requests at once, on the {@code call}-th wave measured. */
    interface MadeUp {
        double waveMillis(int concurrency, int call);
    }

    /** k lanes (0: unbounded) and a fixed cost of {@code a} ms per request. */
    private static MadeUp staircase(int lanes, double a) {
        return (n, call) -> a + (lanes == 0 ? 1 : (n + lanes - 1) / lanes) * D;
    }

    private static List<SweepPoint> probes(MadeUp server, int... concurrency) {
        List<SweepPoint> probes = new ArrayList<>();
        for (int n : concurrency) {
            double t = server.waveMillis(n, probes.size());
            probes.add(new SweepPoint(n, t, t, 5));
        }
        return probes;
    }

    /** The whole sweep, its plan included, against a made-up endpoint. */
    private static LanesSweep.Result sweep(MadeUp server, int maxConcurrency, boolean delayKnown)
            throws InterruptedException {
        int[] calls = {0};
        return LanesSweep.run(
                new LanesSweep.Settings(
                        "http://made-up",
                        "work",
                        delayKnown ? OptionalInt.of((int) D) : OptionalInt.empty(),
                        maxConcurrency),
                (probe, delay) -> {},
                (n, delay) -> {
                    double t = server.waveMillis(n, calls[0]++);
                    return new SweepPoint(n, t, t, 5);
                },
                AnswerTiming.unavailable("made up"));
    }

    private static String describe(LanesSweep.Result result) {
        return String.join("\n", LanesVerdict.lines(result)) + "\nprobes: " + result.probes();
    }

    @Test
    @DisplayName("reads a sweep whose Nagle stall some waves carry and others not as the lanes the stall hides")
    void stallCarriedBySomeWaves() {
        // measured: the JDK HttpServer with 2 threads and no nodelay, its answers stalled 43 ms
        // (one at a time), N = 3 without the stall: a constant a reads it as 3 lanes
        List<SweepPoint> probes = List.of(
                new SweepPoint(1, 95.9, 0, 5),
                new SweepPoint(2, 96.0, 0, 5),
                new SweepPoint(3, 105.3, 0, 5),
                new SweepPoint(4, 147.9, 0, 5),
                new SweepPoint(8, 211.3, 0, 5));
        LanesFit.Fit fit = LanesFit.fit(probes, D, true, 43);
        assertEquals(OptionalInt.of(2), fit.lanes(), "stall 43 ms: " + fit + " " + probes);
        assertEquals(fit.probes(), fit.fitting(), "every probe on its step, stall included: " + fit + " " + probes);
        assertEquals(OptionalInt.of(3), LanesFit.fit(probes, D, true).lanes(), "without the stall: " + probes);

        // without --ms too: measured, the two-write server with 3 lanes, D = 50 ms and a 41 ms stall
        List<SweepPoint> unknownD = List.of(
                new SweepPoint(1, 92.0, 0, 5),
                new SweepPoint(2, 91.9, 0, 5),
                new SweepPoint(3, 92.0, 0, 5),
                new SweepPoint(4, 101.8, 0, 5),
                new SweepPoint(5, 143.9, 0, 5),
                new SweepPoint(8, 194.5, 0, 5),
                new SweepPoint(16, 304.0, 0, 5));
        LanesFit.Fit withoutMs = LanesFit.fit(unknownD, 92.0, false, 41);
        assertEquals(OptionalInt.of(3), withoutMs.lanes(), "no --ms, stall 41 ms: " + withoutMs + " " + unknownD);
        assertEquals(50, withoutMs.delayMillis(), 3, "the step is D: " + withoutMs + " " + unknownD);

        // and one whose queued answers mostly stalled reads the same with or without it
        List<SweepPoint> steady = probes(staircase(3, 45), 1, 2, 3, 4, 8, 16);
        assertEquals(OptionalInt.of(3), LanesFit.fit(steady, D, true, 43).lanes(), steady.toString());
    }

    @Test
    @DisplayName("reads the sweep of issue 17, 45 ms + ceil(N / 3) x 50 ms, as 3 lanes and a 45 ms fixed cost")
    void issueSeventeen() {
        List<SweepPoint> probes = List.of(
                new SweepPoint(1, 95.8, 0, 5),
                new SweepPoint(2, 95.7, 0, 5),
                new SweepPoint(4, 143.3, 0, 5),
                new SweepPoint(8, 195.7, 0, 5),
                new SweepPoint(16, 347.7, 0, 5));
        LanesFit.Fit fit = LanesFit.fit(probes, D, true);
        assertEquals(OptionalInt.of(3), fit.lanes(), probes.toString());
        assertEquals(45, fit.offsetMillis(), 3, probes.toString());
        assertEquals(fit.probes(), fit.fitting(), probes.toString());
        assertEquals(OptionalInt.of(3), LanesFit.nextProbe(probes, D, true, 24), "N = 3 pins the step: " + probes);
    }

    @Test
    @DisplayName("sweeps issue 17's server to lanes: 3 exactly, and names the fixed cost in a line of its own")
    void issueSeventeenSwept() throws Exception {
        LanesSweep.Result result = sweep(staircase(3, 45), 24, true);
        List<String> lines = LanesVerdict.lines(result);
        assertEquals(OptionalInt.of(3), result.fit().lanes(), describe(result));
        assertTrue(result.fit().exact(), describe(result));
        assertTrue(lines.get(0).startsWith("lanes: 3 "), describe(result));
        assertTrue(lines.get(1).startsWith("fixed cost: 45 ms a request"), describe(result));
        assertTrue(lines.get(2).startsWith("sure:"), describe(result));
    }

    static Stream<Arguments> fixedCosts() {
        List<Arguments> cases = new ArrayList<>();
        for (int lanes : new int[] {1, 3, 8, 40}) {
            for (double share : new double[] {0, 0.1, 0.5, 0.9, 1.0, 1.5, 2.0}) {
                cases.add(Arguments.of(lanes, share * D, true));
                cases.add(Arguments.of(lanes, share * D, false));
            }
        }
        for (double share : new double[] {0, 0.5, 1.0, 2.0}) {
            cases.add(Arguments.of(0, share * D, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} lanes (0: unbounded), a fixed cost of {1} ms, D given: {2}")
    @MethodSource("fixedCosts")
    @DisplayName("finds the lanes and the fixed cost of a clean staircase, for fixed costs from 0 to 2 x D")
    void fixedCostsFromZeroToTwoD(int lanes, double a, boolean delayKnown) throws Exception {
        LanesSweep.Result result = sweep(staircase(lanes, a), 64, delayKnown);
        String inputs = "lanes " + lanes + ", a " + a + ", D known " + delayKnown + "\n" + describe(result);
        assertEquals(
                lanes == 0 ? OptionalInt.empty() : OptionalInt.of(lanes),
                result.fit().lanes(),
                inputs);
        assertTrue(result.fit().offsetMillis() >= 0, inputs);
        if (lanes != 0) {
            assertTrue(result.fit().exact(), inputs);
            assertEquals(a, result.fit().offsetMillis(), 1e-6, inputs);
            assertEquals(D, result.fit().delayMillis(), 1e-6, inputs);
        }
        if (delayKnown || lanes != 0) {
            assertEquals(
                    FixedCost.large(a, D), LanesVerdict.lines(result).get(1).startsWith("fixed cost: "), inputs);
        }
    }

    static Stream<Arguments> noisyProbes() {
        List<Arguments> cases = new ArrayList<>();
        for (int lanes : new int[] {1, 3, 40}) {
            for (int noisy : new int[] {1, 2, 4, 8, 16, lanes, lanes + 1}) {
                for (double noise : new double[] {0.9, 1.1}) {
                    cases.add(Arguments.of(lanes, 45.0, noisy, noise));
                    cases.add(Arguments.of(lanes, 5.0, noisy, noise));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} lanes, a = {1} ms, the first wave at N = {2} x {3}")
    @MethodSource("noisyProbes")
    @DisplayName("keeps the lanes when a single probe is 10% off")
    void tenPercentNoiseOnOneProbe(int lanes, double a, int noisy, double noise) throws Exception {
        MadeUp clean = staircase(lanes, a);
        boolean[] done = {false};
        MadeUp server = (n, call) -> {
            if (n == noisy && !done[0]) {
                done[0] = true;
                return noise * clean.waveMillis(n, call);
            }
            return clean.waveMillis(n, call);
        };
        LanesSweep.Result result = sweep(server, 64, true);
        assertEquals(
                OptionalInt.of(lanes),
                result.fit().lanes(),
                "lanes " + lanes + ", a " + a + ", noisy N " + noisy + " x " + noise + "\n" + describe(result));
    }

    @Test
    @DisplayName("sees that every L from 32 to 63 fits probes at 32 and 64, and probes in between to pin 40")
    void stepBetweenProbes() throws Exception {
        List<SweepPoint> probes = probes(staircase(40, 3), 1, 2, 4, 8, 16, 32, 64);
        LanesFit.Fit fit = LanesFit.fit(probes, D, true);
        assertEquals(OptionalInt.of(32), fit.lanes(), probes.toString());
        assertEquals(OptionalInt.of(63), fit.tiedUpTo(), probes.toString());
        assertFalse(fit.exact(), "not pinned before N = 40 and 41 are probed: " + probes);
        int next = LanesFit.nextProbe(probes, D, true, 64).orElseThrow();
        assertTrue(next > 32 && next <= 64, "a probe between the two: " + next + " for " + probes);

        LanesSweep.Result result = sweep(staircase(40, 3), 64, true);
        assertEquals(OptionalInt.of(40), result.fit().lanes(), describe(result));
        assertTrue(result.fit().exact(), describe(result));
        assertTrue(result.probes().size() <= 7 + 8, "a bisection, not a scan: " + describe(result));
    }

    @Test
    @DisplayName("says unsure for CPU-bound work shared by two cores: the time grows with N, not in steps")
    void cpuBoundSharing() throws Exception {
        MadeUp shared = (n, call) -> 2 + D * Math.max(1, n / 2.0);
        LanesSweep.Result result = sweep(shared, 32, true);
        String verdict = describe(result);
        assertTrue(LanesVerdict.lines(result).stream().anyMatch(line -> line.startsWith("unsure:")), verdict);
        assertTrue(verdict.contains("grows with N between the steps"), verdict);
    }

    @Test
    @DisplayName("says unsure for a time that grows smoothly with N, a fifth of D a request")
    void smoothGrowth() throws Exception {
        MadeUp growing = (n, call) -> D + (n - 1) * D / 5;
        LanesSweep.Result result = sweep(growing, 64, true);
        String verdict = describe(result);
        assertTrue(LanesVerdict.lines(result).stream().anyMatch(line -> line.startsWith("unsure:")), verdict);
    }

    @Test
    @DisplayName("measures again a probe slower than a larger N, and names lanes that grew during the sweep")
    void poolThatGrows() throws Exception {
        // one lane for the first three probes (N = 1, 2, 4), then a pool of 8
        MadeUp growing = (n, call) -> 1 + WaveModelRounds.of(n, call < 3 ? 1 : 8) * D;
        LanesSweep.Result result = sweep(growing, 32, true);
        String verdict = describe(result);
        assertEquals(OptionalInt.of(8), result.fit().lanes(), verdict);
        assertFalse(result.remeasured().isEmpty(), verdict);
        assertTrue(verdict.contains("fewer lanes early in the sweep"), verdict);
        assertTrue(LanesVerdict.lines(result).stream().anyMatch(line -> line.startsWith("unsure:")), verdict);
    }

    @Test
    @DisplayName("never fits a negative fixed cost: an endpoint faster than D gets a = 0")
    void neverNegative() {
        List<SweepPoint> probes = probes((n, call) -> 40.0 * ((n + 1) / 2), 1, 2, 4, 8);
        LanesFit.Fit fit = LanesFit.fit(probes, D, true);
        assertEquals(0, fit.offsetMillis(), 1e-9, probes.toString());
    }

    @Test
    @DisplayName("counts a probe off the staircase, so the verdict can say it is unsure")
    void noisyProbe() {
        List<SweepPoint> probes = new ArrayList<>(probes(staircase(2, 3), 1, 2, 4, 8, 3));
        probes.add(new SweepPoint(16, 3 + 8 * D + 120, 0, 5)); // a probe 120 ms late
        LanesFit.Fit fit = LanesFit.fit(probes, D, true);
        assertEquals(OptionalInt.of(2), fit.lanes(), probes.toString());
        assertEquals(fit.probes() - 1, fit.fitting(), probes.toString());
    }

    @Test
    @DisplayName("says unbounded when every wave is served in one round, also without --ms")
    void unbounded() {
        List<SweepPoint> probes = probes(staircase(0, 6), 1, 2, 4, 8, 16, 32, 64);
        assertTrue(LanesFit.fit(probes, D, true).unbounded(), probes.toString());
        assertTrue(LanesFit.fit(probes, 56, false).unbounded(), probes.toString());
        assertEquals(OptionalInt.empty(), LanesFit.nextProbe(probes, D, true, 64), probes.toString());
    }

    @Test
    @DisplayName("takes a slow probe below a one-round one for noise, not a step: a staircase only goes up")
    void noiseIsNotAStep() {
        List<SweepPoint> probes = new ArrayList<>(probes(staircase(0, 5), 1, 2, 4, 8, 16, 64));
        probes.add(new SweepPoint(32, 78, 78, 5)); // a busy moment at N = 32, while N = 64 took one round
        assertTrue(LanesFit.fit(probes, D, true).unbounded(), probes.toString());
        assertEquals(List.of(probes.get(probes.size() - 1)), LanesFit.fallsBack(probes, D), probes.toString());
    }

    @Test
    @DisplayName("names a new connection per request, from the connections the waves opened")
    void connectionPerRequest() throws Exception {
        int[] calls = {0};
        LanesSweep.Result result = LanesSweep.run(
                new LanesSweep.Settings("http://made-up", "work", OptionalInt.of((int) D), 16),
                (probe, delay) -> {},
                (n, delay) -> {
                    calls[0]++;
                    double t = 1 + ((n + 1) / 2) * D;
                    return new SweepPoint(n, t, t, 5, 1.0, 1.0);
                },
                new AnswerTiming(6, 6, 6, "HTTP/1.0", 0.2, Double.NaN, 50.5, 50.7, Optional.empty()));
        String verdict = describe(result);
        assertEquals(OptionalInt.of(2), result.fit().lanes(), verdict);
        assertTrue(
                LanesVerdict.lines(result).get(1).contains("every request opens a new connection")
                        && verdict.contains("HTTP/1.0"),
                verdict);
    }

    @Test
    @DisplayName("names Nagle and delayed ACK when an answer's last byte trails its first by 40 ms")
    void nagleStall() throws Exception {
        LanesSweep.Result result = LanesSweep.run(
                new LanesSweep.Settings("http://made-up", "work", OptionalInt.of((int) D), 16),
                (probe, delay) -> {},
                (n, delay) -> {
                    double t = 41 + ((n + 2) / 3) * D;
                    return new SweepPoint(n, t, t, 5);
                },
                new AnswerTiming(6, 1, 0, "HTTP/1.1", 0.2, Double.NaN, 50.5, 91.0, Optional.empty()));
        String fixed = LanesVerdict.lines(result).get(1);
        assertTrue(fixed.startsWith("fixed cost: 41 ms") && fixed.contains("Nagle"), describe(result));
    }

    /** ceil(N / L) for the made-up servers, written out here rather than taken from the code under test. */
    private static final class WaveModelRounds {
        static long of(int n, int lanes) {
            return (n + lanes - 1) / lanes;
        }
    }
}
