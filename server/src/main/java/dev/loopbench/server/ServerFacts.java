package dev.loopbench.server;

import dev.loopbench.model.ServerShape;
import io.vertx.core.json.JsonObject;

/** What a client may want to know about the running server: the {@code /health} body. */
record ServerFacts(ServerShape shape, VirtualThreads virtualThreads, int lagProbeMs) {

    JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("status", "up")
                .put("java", System.getProperty("java.version"))
                .put("eventLoops", shape.eventLoops())
                .put("workerPoolSize", shape.workerPoolSize())
                .put("virtualThreadInstances", shape.virtualThreadInstances())
                .put("cores", shape.cores())
                .put("lagProbeMs", lagProbeMs)
                .put("virtualThreads", virtualThreads.available());
        if (!virtualThreads.available()) {
            json.put("virtualThreadsUnavailable", virtualThreads.unavailableReason());
        }
        return json;
    }
}
