package dev.loopbench.cli;

import dev.loopbench.model.ServerShape;
import dev.loopbench.targets.LoopbenchHealth;
import dev.loopbench.targets.ProbeClient;
import dev.loopbench.targets.RequestUrls;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/** Asks an external target what it is before any JMH run: reachable at all, and loopbench or not. */
record TargetCheck(String url, Optional<ServerShape> shape, Optional<Boolean> virtualThreads) {

    static TargetCheck probe(String url, boolean insecure) throws UsageError {
        String base;
        try {
            base = RequestUrls.baseUrl(url);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--target " + e.getMessage());
        }
        HttpClient client = ProbeClient.client(insecure, Duration.ofSeconds(5));
        Optional<LoopbenchHealth> health;
        try {
            health = LoopbenchHealth.read(client, base, Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new UsageError("target " + base + " is not reachable: " + ProbeClient.describe(e, base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageError("interrupted while probing " + base);
        }
        return new TargetCheck(base, health.map(LoopbenchHealth::shape), health.map(LoopbenchHealth::virtualThreads));
    }

    String describe() {
        return url
                + shape.map(s -> " is a loopbench server (" + s + ", virtual threads "
                                + virtualThreads
                                        .map(available -> available ? "available" : "unavailable")
                                        .orElse("?")
                                + "): the model can predict")
                        .orElse(
                                " is not a loopbench server: its lanes are unknown, the summary shows the effective parallelism P");
    }
}
