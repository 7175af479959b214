package dev.loopbench.cli;

import dev.loopbench.model.ServerShape;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Asks an external target what it is before any JMH run: reachable at all, and loopbench or not. */
record TargetProbe(String url, Optional<ServerShape> shape, Optional<Boolean> virtualThreads) {

    static TargetProbe probe(String url) throws UsageError {
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--target '" + url + "' is not a URL: " + e.getMessage());
        }
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new UsageError("--target must be an http:// URL with a host, such as http://localhost:8080; got '" + url + "'");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> health;
        try {
            health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UsageError("target " + base + " is not reachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageError("interrupted while probing " + base);
        }
        try {
            JsonObject json = new JsonObject(health.body());
            if (health.statusCode() == 200 && json.getValue("eventLoops") instanceof Integer eventLoops
                    && json.getValue("workerPoolSize") instanceof Integer workers
                    && json.getValue("virtualThreadInstances") instanceof Integer instances) {
                return new TargetProbe(base.toString(), Optional.of(new ServerShape(eventLoops, workers, instances)),
                        Optional.ofNullable(json.getBoolean("virtualThreads")));
            }
        } catch (RuntimeException e) {
            // not loopbench's /health: the lanes stay unknown
        }
        return new TargetProbe(base.toString(), Optional.empty(), Optional.empty());
    }

    String describe() {
        return url + shape.map(s -> " is a loopbench server (" + s + ", virtual threads "
                        + virtualThreads.map(available -> available ? "available" : "unavailable").orElse("?")
                        + "): the model can predict")
                .orElse(" is not a loopbench server: its lanes are unknown, the summary shows the effective parallelism P");
    }
}
