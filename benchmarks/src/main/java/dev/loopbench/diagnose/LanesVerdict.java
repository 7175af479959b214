package dev.loopbench.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences a diagnosis ends with: the {@code lanes:} line (what scripts read), the fixed cost
 * per request when there is one, how sure it is and what it saw if it is not, and what such a
 * number of lanes usually means.
 */
public final class LanesVerdict {

    /** Off-step probes named one by one in the {@code unsure:} line, at most. */
    private static final int NAMED_PROBES = 3;

    /** Linux sends a SYN again after 1 s when the first got no answer (a full listen backlog); a little less. */
    static final double SYN_RETRY_MILLIS = 800;

    private LanesVerdict() {}

    public static List<String> lines(LanesSweep.Result result) {
        LanesFit.Fit fit = result.fit();
        List<String> lines = new ArrayList<>();
        lines.add(lanes(result));
        FixedCost.line(result).ifPresent(lines::add);
        lines.add(confidence(result));
        lines.add(reading(fit));
        return lines;
    }

    private static String lanes(LanesSweep.Result result) {
        LanesFit.Fit fit = result.fit();
        String residual = String.format(Locale.ROOT, "residual %.1f ms rms", fit.rmsMillis())
                + fit.runnerUp()
                        .map(other -> String.format(
                                Locale.ROOT, "; next best L = %s, %.0f ms rms", other.lanes(), other.rmsMillis()))
                        .orElse("");
        if (fit.unbounded()) {
            int largest = result.probes().stream()
                    .mapToInt(SweepPoint::concurrency)
                    .max()
                    .orElse(1);
            double worst = result.probes().stream()
                    .mapToDouble(SweepPoint::waveMillis)
                    .max()
                    .orElse(fit.delayMillis());
            return String.format(
                    Locale.ROOT,
                    "lanes: unbounded up to N = %d (every wave within one round of D: at most %.0f ms against"
                            + " T = %.0f ms + %.0f ms; %s)",
                    largest,
                    worst,
                    fit.offsetMillis(),
                    fit.delayMillis(),
                    residual);
        }
        int lanes = fit.lanes().getAsInt();
        String step = fit.exact()
                ? "one round of D up to N = " + lanes + ", a second from N = " + (lanes + 1)
                : fit.tiedUpTo().isPresent()
                        ? "the step lies between N = " + lanes + " and N = "
                                + (fit.tiedUpTo().getAsInt() + 1) + ", not probed closer"
                        : "the staircase that fits the probes best; its step is not pinned";
        return String.format(
                Locale.ROOT,
                "lanes: %d (%s; T = %.0f ms + ceil(N / %d) x %.0f ms, %s)",
                lanes,
                step,
                fit.offsetMillis(),
                lanes,
                fit.delayMillis(),
                residual);
    }

    private static String confidence(LanesSweep.Result result) {
        LanesFit.Fit fit = result.fit();
        List<String> seen = new ArrayList<>();
        List<SweepPoint> latest = LanesFit.latest(result.probes());
        List<SweepPoint> offStep =
                latest.stream().filter(probe -> !fit.onStep(probe)).toList();
        if (!offStep.isEmpty()) {
            List<String> named = offStep.stream()
                    .limit(NAMED_PROBES)
                    .map(probe -> String.format(
                            Locale.ROOT,
                            "N = %d took %.0f ms, %+.0f ms off its step (%.1f rounds of D)",
                            probe.concurrency(),
                            probe.waveMillis(),
                            fit.offMillis(probe),
                            (probe.waveMillis() - fit.offsetMillis()) / fit.delayMillis()))
                    .toList();
            seen.add(String.format(
                    Locale.ROOT,
                    "%d of %d probes lie off their step of the staircase: %s%s",
                    offStep.size(),
                    latest.size(),
                    String.join(", ", named),
                    offStep.size() > NAMED_PROBES ? ", ..." : ""));
            List<SweepPoint> refused = FixedCost.closesConnections(result)
                    ? offStep.stream()
                            .filter(probe -> fit.offMillis(probe) >= SYN_RETRY_MILLIS)
                            .toList()
                    : List.of();
            if (!refused.isEmpty()) {
                seen.add(String.format(
                        Locale.ROOT,
                        "from N = %d the waves took a second or more beyond their step, the time after which a"
                                + " client sends a dropped connection request (SYN) again: every request opened a new"
                                + " connection, and the server's listen backlog is too small to queue N at once (it"
                                + " accepts slowly; Python's socketserver keeps 5); the lanes come from the smaller"
                                + " waves",
                        refused.get(0).concurrency()));
            } else if (offStep.stream().anyMatch(probe -> betweenSteps(probe, fit))) {
                seen.add("the wave time grows with N between the steps, not in whole rounds of D, as CPU-bound"
                        + " work shared by the cores does, or a resource that slows down with load: such an endpoint"
                        + " has no fixed number of lanes");
            }
        }
        for (SweepPoint first : result.remeasured()) {
            SweepPoint again = latest.stream()
                    .filter(probe -> probe.concurrency() == first.concurrency())
                    .findFirst()
                    .orElse(first);
            boolean grew =
                    again.waveMillis() + LanesFit.tolerance(first.waveMillis(), fit.delayMillis()) < first.waveMillis();
            seen.add(String.format(
                    Locale.ROOT,
                    "N = %d took %.0f ms at first, slower than a larger N, and %.0f ms when measured again%s",
                    first.concurrency(),
                    first.waveMillis(),
                    again.waveMillis(),
                    grew
                            ? ": the endpoint had fewer lanes early in the sweep than later (a pool that grows under"
                                    + " load, or a cold start); the lanes above are those it had at the end"
                            : ""));
        }
        for (SweepPoint slower : LanesFit.fallsBack(result.probes(), fit.delayMillis())) {
            seen.add(String.format(
                    Locale.ROOT,
                    "N = %d is still slower than a larger N: a staircase only goes up",
                    slower.concurrency()));
        }
        if (!fit.unbounded() && !fit.exact() && offStep.isEmpty()) {
            seen.add(
                    fit.tiedUpTo().isPresent()
                            ? "every L from " + fit.lanes().getAsInt() + " to "
                                    + fit.tiedUpTo().getAsInt()
                                    + " fits the probes; a larger --max-concurrency or more probes would pin it"
                            : "no probes at N = L and N = L + 1 both on their steps pin the step down");
        }
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
                        " D = %.0f ms is the step of the staircase fitted to the sweep (no --ms given).",
                        fit.delayMillis())
                : "";
        if (seen.isEmpty()) {
            return String.format(
                            Locale.ROOT,
                            "sure: all %d probes lie on their step of the staircase (worst %.0f ms off it).",
                            latest.size(),
                            fit.worstMillis())
                    + measuredDelay
                    + stopped;
        }
        return "unsure: " + String.join("; ", seen) + ". Run it again, or with a larger --ms." + measuredDelay
                + stopped;
    }

    /** A probe that took a fraction of a round more than a whole number of rounds: growth, not a step. */
    static boolean betweenSteps(SweepPoint probe, LanesFit.Fit fit) {
        double rounds = (probe.waveMillis() - fit.offsetMillis()) / fit.delayMillis();
        double fraction = rounds - Math.floor(rounds);
        return rounds > 1 && fraction >= 0.35 && fraction <= 0.65;
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
