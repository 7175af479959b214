package dev.loopbench.diagnose;

import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.WaveClient;
import dev.loopbench.model.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures an endpoint's waves at N = 1, 2, 4, ... and then between the last N served in one
 * round and the first that was not, until the step is pinned to one request. Each N gets a client
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

    public record Settings(String baseUrl, String path, OptionalInt delayMs, int maxConcurrency) {}

    /** What the sweep did and found; {@code stoppedAt} is set when it ended early. */
    public record Result(
            String requestUrl,
            double delayMillis,
            boolean delayMeasured,
            List<SweepPoint> probes,
            LanesFit.Fit fit,
            OptionalInt stoppedAt) {}

    /** Told of each probe as it is measured: a sweep of a slow endpoint takes minutes. */
    public interface Progress {
        void measured(SweepPoint probe, double delayMillis);
    }

    private LanesSweep() {}

    public static Result run(Settings settings, Progress progress) throws InterruptedException {
        String url = requestUrl(settings);
        double delay;
        List<SweepPoint> probes = new ArrayList<>();
        SweepPoint single = probe(url, 1, Double.NaN);
        if (settings.delayMs().isPresent()) {
            delay = settings.delayMs().getAsInt();
        } else {
            delay = single.waveMillis(); // the endpoint's own time for one request is its D
        }
        probes.add(single);
        progress.measured(single, delay);

        OptionalInt stoppedAt = OptionalInt.empty();
        for (int n = 2; n <= settings.maxConcurrency(); n *= 2) {
            SweepPoint probe = probe(url, n, delay);
            probes.add(probe);
            progress.measured(probe, delay);
            if (probe.waveMillis() > ENOUGH_ROUNDS * delay && n < settings.maxConcurrency()) {
                stoppedAt = OptionalInt.of(n);
                break;
            }
        }
        for (Optional<LanesFit.Bracket> bracket = LanesFit.bracket(probes, delay);
                bracket.isPresent() && !bracket.get().closed();
                bracket = LanesFit.bracket(probes, delay)) {
            SweepPoint probe = probe(url, bracket.get().middle(), delay);
            probes.add(probe);
            progress.measured(probe, delay);
        }
        return new Result(
                url, delay, settings.delayMs().isEmpty(), List.copyOf(probes), LanesFit.fit(probes, delay), stoppedAt);
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
        try (WaveClient client = new WaveClient(url, concurrency, timeout, latencies)) {
            for (int i = 0; i < WARM_WAVES; i++) {
                requireNoFailures(client.fire(), url, concurrency);
            }
            latencies.reset();
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
            return new SweepPoint(
                    concurrency, Statistics.median(waves), requests.getValueAtPercentile(99) / 1e6, waves.size());
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
