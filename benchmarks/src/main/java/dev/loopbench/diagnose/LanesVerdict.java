package dev.loopbench.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences a diagnosis ends with: the {@code lanes:} line (what scripts read), how sure it
 * is, and what such a number of lanes usually means.
 */
public final class LanesVerdict {

    private LanesVerdict() {}

    public static List<String> lines(LanesSweep.Result result) {
        LanesFit.Fit fit = result.fit();
        List<SweepPoint> probes = result.probes();
        double delay = result.delayMillis();
        List<String> lines = new ArrayList<>();
        if (fit.unbounded()) {
            int largest =
                    probes.stream().mapToInt(SweepPoint::concurrency).max().orElse(1);
            double worst =
                    probes.stream().mapToDouble(SweepPoint::waveMillis).max().orElse(delay);
            lines.add(String.format(
                    Locale.ROOT,
                    "lanes: unbounded up to N = %d (the wave time stays within one round of D: at most %.0f ms"
                            + " against D = %.0f ms, %+.0f%%)",
                    largest,
                    worst,
                    delay,
                    100 * (worst / delay - 1)));
        } else {
            int lanes = fit.lanes().getAsInt();
            lines.add(String.format(
                    Locale.ROOT,
                    "lanes: %d (%s; P stops at about %d: the wave time steps every %d requests, T = %.0f ms + ceil(N / %d) x %.0f ms)",
                    lanes,
                    fit.exact()
                            ? "one round of D up to N = " + lanes + ", a second from N = " + (lanes + 1)
                            : "the step lies between N = " + lanes + " and the next probe",
                    lanes,
                    lanes,
                    fit.offsetMillis(),
                    lanes,
                    delay));
        }
        lines.add(confidence(fit, result));
        lines.add(reading(fit));
        return lines;
    }

    private static String confidence(LanesFit.Fit fit, LanesSweep.Result result) {
        String stopped = result.stoppedAt().isPresent()
                ? String.format(
                        Locale.ROOT,
                        " The sweep stopped at N = %d: a wave there already took over %d rounds of D.",
                        result.stoppedAt().getAsInt(),
                        LanesSweep.ENOUGH_ROUNDS)
                : "";
        String measuredDelay = result.delayMeasured()
                ? String.format(
                        Locale.ROOT,
                        " D = %.0f ms is the endpoint's own time for one request (no --ms given).",
                        result.delayMillis())
                : "";
        if (fit.fitting() == fit.probes()) {
            return String.format(
                            Locale.ROOT,
                            "sure: all %d probes lie on their step of the staircase (worst %.0f ms off it).",
                            fit.probes(),
                            fit.worstMillis())
                    + measuredDelay
                    + stopped;
        }
        return String.format(
                        Locale.ROOT,
                        "unsure: %d of %d probes lie on their step of the staircase (worst %.0f ms off): the endpoint's time varies,"
                                + " or its lanes change with load; run it again or with a larger --ms.",
                        fit.fitting(),
                        fit.probes(),
                        fit.worstMillis())
                + measuredDelay
                + stopped;
    }

    private static String reading(LanesFit.Fit fit) {
        if (fit.unbounded()) {
            return "reading: the waits overlap; nothing holds a thread while a request waits (a non-blocking"
                    + " handler, or virtual threads that await). Throughput is bounded by CPU, not by lanes.";
        }
        int lanes = fit.lanes().getAsInt();
        if (lanes == 1) {
            return "reading: one lane: something serialises every request, such as a blocking call on the only event"
                    + " loop or thread that serves it, a lock, an ordered executeBlocking, or a pool of one.";
        }
        return "reading: " + lanes + " lanes: a pool of " + lanes + " threads or connections (or " + lanes
                + " event loops that each block) serves this endpoint; the request " + (lanes + 1)
                + " waits for one to be free.";
    }
}
