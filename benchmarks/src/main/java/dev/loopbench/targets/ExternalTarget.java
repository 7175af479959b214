package dev.loopbench.targets;

import dev.loopbench.benchmarks.ForkSettings;
import dev.loopbench.client.CellUnusable;
import dev.loopbench.model.ServerShape;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A server given by URL. It need only answer {@code GET /<handler>?ms=<D>} with a 2xx; if it
 * is a loopbench server, its {@code /health} tells the pool sizes, and the model can predict.
 */
public final class ExternalTarget implements Target {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final Optional<ServerShape> shape;
    private final Optional<Boolean> virtualThreads;

    private ExternalTarget(String baseUrl, Optional<ServerShape> shape, Optional<Boolean> virtualThreads) {
        this.baseUrl = baseUrl;
        this.shape = shape;
        this.virtualThreads = virtualThreads;
    }

    /**
     * Checks that the target answers the wave's request once before anything is measured, so
     * that a target that is down fails here, in one line.
     */
    public static ExternalTarget connect(String url, String handlerPath, int delayMs) {
        String baseUrl;
        try {
            baseUrl = RequestUrls.baseUrl(url);
        } catch (IllegalArgumentException e) {
            throw new CellUnusable("target " + e.getMessage());
        }
        HttpClient probe = ProbeClient.client(ForkSettings.insecure(), PROBE_TIMEOUT);
        String first = RequestUrls.requestUrl(baseUrl, handlerPath, delayMs);
        HttpResponse<String> answer;
        try {
            answer = ProbeClient.get(probe, first, PROBE_TIMEOUT.plusMillis(delayMs));
        } catch (IOException e) {
            throw new CellUnusable("target " + baseUrl + " is not reachable: GET " + first + " failed: "
                    + ProbeClient.describe(e, baseUrl));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellUnusable("interrupted while probing " + first);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new CellUnusable("target " + baseUrl + " answered HTTP " + answer.statusCode() + " to GET " + first
                    + ": " + abbreviate(answer.body()));
        }
        Optional<LoopbenchHealth> health;
        try {
            health = LoopbenchHealth.read(probe, baseUrl, PROBE_TIMEOUT);
        } catch (IOException e) {
            health = Optional.empty(); // it answered the wave's request: only its /health is missing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellUnusable("interrupted while probing " + baseUrl + "/health");
        }
        return new ExternalTarget(
                baseUrl, health.map(LoopbenchHealth::shape), health.map(LoopbenchHealth::virtualThreads));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Optional<ServerShape> shape() {
        return shape;
    }

    @Override
    public Optional<Boolean> virtualThreads() {
        return virtualThreads;
    }

    @Override
    public void close() {
        // nothing of ours runs there
    }
}
