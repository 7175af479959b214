package dev.loopbench.targets;

import dev.loopbench.model.ServerShape;
import dev.loopbench.server.HealthFields;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** What a loopbench server's {@code /health} says: its pool sizes, so the model can predict. */
public record LoopbenchHealth(ServerShape shape, boolean virtualThreads) {

    /**
     * @param client from {@link ProbeClient#client}
     * @return empty when the server answers, but not as loopbench does
     * @throws IOException when the server cannot be reached at all
     */
    public static Optional<LoopbenchHealth> read(HttpClient client, String baseUrl, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<String> health = ProbeClient.get(client, baseUrl + "/health", timeout);
        return health.statusCode() == 200 ? parse(health.body()) : Optional.empty();
    }

    static Optional<LoopbenchHealth> parse(String body) {
        try {
            JsonObject json = new JsonObject(body);
            if (json.getValue(HealthFields.EVENT_LOOPS) instanceof Integer eventLoops
                    && eventLoops > 0
                    && json.getValue(HealthFields.WORKER_POOL_SIZE) instanceof Integer workers
                    && workers > 0
                    && json.getValue(HealthFields.VIRTUAL_THREAD_INSTANCES) instanceof Integer instances
                    && instances > 0
                    && json.getValue(HealthFields.VIRTUAL_THREADS) instanceof Boolean virtualThreads) {
                // C is the server's own; a loopbench from before the compute handlers does not say, and
                // the client's cores are the best guess for a server on the same machine
                ServerShape shape = json.getValue(HealthFields.CORES) instanceof Integer cores && cores > 0
                        ? new ServerShape(eventLoops, workers, instances, cores)
                        : new ServerShape(eventLoops, workers, instances);
                return Optional.of(new LoopbenchHealth(shape, virtualThreads));
            }
        } catch (RuntimeException e) {
            // not JSON: not loopbench
        }
        return Optional.empty();
    }
}
