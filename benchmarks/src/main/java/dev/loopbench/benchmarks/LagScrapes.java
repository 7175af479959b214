package dev.loopbench.benchmarks;

import dev.loopbench.targets.LoopLag;
import dev.loopbench.targets.ProbeClient;
import dev.loopbench.targets.Target;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a loopbench target's event-loop lag histogram from its {@code /metrics}, which only
 * loopbench serves. Always between iterations, never inside JMH's clock: a scrape is an HTTP
 * request of its own.
 */
final class LagScrapes {

    private final String loopbenchUrl;

    private LagScrapes(String loopbenchUrl) {
        this.loopbenchUrl = loopbenchUrl;
    }

    /** A target whose shape is known is loopbench, in-process or told by its /health; others have no lag to read. */
    static LagScrapes of(Target target) {
        return new LagScrapes(target.shape().isPresent() ? target.baseUrl() : null);
    }

    Optional<LoopLag.Snapshot> scrape() {
        return loopbenchUrl == null ? Optional.empty() : LoopLag.scrape(Client.INSTANCE, loopbenchUrl);
    }

    /** One client for every scrape of a fork: a new one each time left a selector thread and a connection to the GC. */
    private static final class Client {
        static final HttpClient INSTANCE = ProbeClient.client(ForkSettings.insecure(), Duration.ofSeconds(5));
    }
}
