package dev.loopbench.diagnose;

import dev.loopbench.benchmarks.ForkSettings;
import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.WaveClient;
import dev.loopbench.model.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures an endpoint's waves at N = 1, 2, 4, ..., then wherever the candidate lanes that fit
 * the sweep about as well predict different waves ({@link LanesFit#nextProbe}), until one is left
 * and its step is pinned by probes at N = L and N = L + 1. A probe slower than a larger N is
 * measured once more: a staircase only goes up. Before the waves, a few requests one at a time
 * time the parts of one request ({@link AnswerTiming}). Each N gets a client
 * of its own with N warm connections, as a benchmark cell does.
 */
public final class LanesSweep {

    /** Unmeasured waves first: the first opens the connections, the second warms the path. */
    static final int WARM_WAVES = 2;

    static final int MEASURED_WAVES = 5;

    /** Fewer waves where each takes seconds: the median of three is as telling there. */
    static final int MEASURED_SLOW_WAVES = 3;

    static final double SLOW_WAVE_MILLIS = 1000;

    /**
     * Past 8 rounds the staircase is plain, and an endpoint with one lane would take minutes a
     * wave at N = 256 (25.6 s at D = 100 ms).
     */
    static final int ENOUGH_ROUNDS = 8;

    /** Probes after the doubling that tell candidate lanes apart; a sweep that needs more is erratic. */
    static final int MAX_EXTRA_PROBES = 12;

    /** Probes measured again when slower than a larger N (lanes that grew, or a busy moment). */
    static final int MAX_REMEASURED = 3;

    public record Settings(String baseUrl, String path, OptionalInt delayMs, int maxConcurrency) {}

    /**
     * What the sweep did and found; {@code stoppedAt} is set when it ended early.
     *
     * @param delayMillis D of the staircase: the one given, or the fitted step height without {@code --ms}
     * @param remeasured first measurements that were slower than a larger N and so were measured
     *     again; the fit uses the later one
     * @param answers requests one at a time on one connection, timed byte by byte
     */
    public record Result(
            String requestUrl,
            double delayMillis,
            boolean delayMeasured,
            List<SweepPoint> probes,
            LanesFit.Fit fit,
            OptionalInt stoppedAt,
            List<SweepPoint> remeasured,
            AnswerTiming answers) {}

    /** Told of each probe as it is measured: a sweep of a slow endpoint takes minutes. */
    public interface Progress {
        void measured(SweepPoint probe, double delayMillis);
    }

    private LanesSweep() {}

    /** Measures the waves of N requests at once; D is NaN while it is unknown. */
    interface Prober {
        SweepPoint probe(int concurrency, double delayMillis) throws InterruptedException;
    }

    public static Result run(Settings settings, Progress progress) throws InterruptedException {
        String url = requestUrl(settings);
        AnswerTiming answers = AnswerTiming.measure(url, ForkSettings.insecure(), (int)
                WaveClient.timeoutMillis(1, settings.delayMs().orElse(1000), Double.NaN));
        return run(settings, progress, (n, delay) -> probe(url, n, delay), answers);
    }

    /** The sweep's plan, whatever measures the waves: a real endpoint, or a made-up one in a test. */
    static Result run(Settings settings, Progress progress, Prober prober, AnswerTiming answers)
            throws InterruptedException {
        String url = requestUrl(settings);
        boolean known = settings.delayMs().isPresent();
        List<SweepPoint> probes = new ArrayList<>();
        SweepPoint single = prober.probe(1, Double.NaN);
        // D, or without --ms a first guess at it: the endpoint's own time for one request
        double delay = known ? settings.delayMs().getAsInt() : single.waveMillis();
        probes.add(single);
        progress.measured(single, delay);

        OptionalInt stoppedAt = OptionalInt.empty();
        for (int n = 2; n <= settings.maxConcurrency(); n *= 2) {
            SweepPoint probe = prober.probe(n, delay);
            probes.add(probe);
            progress.measured(probe, delay);
            if (probe.waveMillis() > ENOUGH_ROUNDS * delay && n < settings.maxConcurrency()) {
                stoppedAt = OptionalInt.of(n);
                break;
            }
        }
        // a Nagle stall the one-at-a-time timing saw is carried by some waves and not others
        double stall = FixedCost.stalls(answers) && !answers.closesEveryConnection() ? answers.stallMillis() : 0;
        refine(prober, probes, delay, known, settings.maxConcurrency(), stall, progress);
        List<SweepPoint> remeasured = new ArrayList<>();
        for (SweepPoint slower : LanesFit.fallsBack(probes, delay)) {
            if (remeasured.size() == MAX_REMEASURED) {
                break;
            }
            remeasured.add(slower);
            SweepPoint again = prober.probe(slower.concurrency(), delay);
            probes.add(again);
            progress.measured(again, delay);
        }
        if (!remeasured.isEmpty()) {
            refine(prober, probes, delay, known, settings.maxConcurrency(), stall, progress);
        }
        LanesFit.Fit fit = LanesFit.fit(probes, delay, known, stall);
        return new Result(
                url, fit.delayMillis(), !known, List.copyOf(probes), fit, stoppedAt, List.copyOf(remeasured), answers);
    }

    /** Probes where the candidate lanes disagree, until one is left with its step pinned. */
    private static void refine(
            Prober prober,
            List<SweepPoint> probes,
            double delay,
            boolean known,
            int maxConcurrency,
            double stall,
            Progress progress)
            throws InterruptedException {
        for (int extra = 0; extra < MAX_EXTRA_PROBES; extra++) {
            OptionalInt next = LanesFit.nextProbe(probes, delay, known, maxConcurrency, stall);
            if (next.isEmpty()) {
                return;
            }
            SweepPoint probe = prober.probe(next.getAsInt(), delay);
            probes.add(probe);
            progress.measured(probe, delay);
        }
    }

    public static String requestUrl(Settings settings) {
        String path = settings.path().startsWith("/") ? settings.path().substring(1) : settings.path();
        String url = settings.baseUrl() + "/" + path;
        if (settings.delayMs().isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "ms="
                + settings.delayMs().getAsInt();
    }

    private static SweepPoint probe(String url, int concurrency, double delayMillis) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        long timeout = WaveClient.timeoutMillis(
                concurrency, (int) Math.ceil(Double.isNaN(delayMillis) ? 1000 : delayMillis), Double.NaN);
        try (WaveClient client = WaveClient.open(url, concurrency, timeout, latencies)) {
            for (int i = 0; i < WARM_WAVES; i++) {
                requireNoFailures(client.fire(), url, concurrency);
            }
            latencies.reset();
            int opened = client.connectionsOpened();
            int closing = client.closingAnswers();
            List<Double> waves = new ArrayList<>();
            int measured = MEASURED_WAVES;
            for (int i = 0; i < measured; i++) {
                WaveClient.Wave wave = client.fire();
                requireNoFailures(wave, url, concurrency);
                waves.add(wave.millis());
                if (wave.millis() > SLOW_WAVE_MILLIS) {
                    measured = MEASURED_SLOW_WAVES;
                }
            }
            Histogram requests = latencies.getIntervalHistogram();
            double requestsSent = (double) waves.size() * concurrency;
            return new SweepPoint(
                    concurrency,
                    Statistics.median(waves),
                    requests.getValueAtPercentile(99) / 1e6,
                    waves.size(),
                    (client.connectionsOpened() - opened) / requestsSent,
                    (client.closingAnswers() - closing) / requestsSent);
        } catch (InterruptedException | CellUnusable e) {
            throw e;
        } catch (Exception e) {
            throw new CellUnusable("closing the client of N = " + concurrency + " failed: " + e);
        }
    }

    private static void requireNoFailures(WaveClient.Wave wave, String url, int concurrency) {
        if (wave.failures() > 0) {
            throw new CellUnusable(String.format(
                    "a wave of %d GET %s had %d failed requests, the first with: %s; no diagnosis from failed requests",
                    concurrency, url, wave.failures(), wave.firstError()));
        }
    }
}
