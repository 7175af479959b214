package dev.loopbench.server;

import dev.loopbench.model.ServerShape;
import io.vertx.core.json.JsonObject;

/** What a client may want to know about the running server: the {@code /health} body. */
record ServerFacts(ServerShape shape, VirtualThreads virtualThreads, int lagProbeMs) {

    JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put(HealthFields.STATUS, "up")
                .put(HealthFields.JAVA, System.getProperty("java.version"))
                .put(HealthFields.EVENT_LOOPS, shape.eventLoops())
                .put(HealthFields.WORKER_POOL_SIZE, shape.workerPoolSize())
                .put(HealthFields.VIRTUAL_THREAD_INSTANCES, shape.virtualThreadInstances())
                .put(HealthFields.CORES, shape.cores())
                .put(HealthFields.LAG_PROBE_MS, lagProbeMs)
                .put(HealthFields.VIRTUAL_THREADS, virtualThreads.available());
        if (!virtualThreads.available()) {
            json.put(HealthFields.VIRTUAL_THREADS_UNAVAILABLE, virtualThreads.unavailableReason());
        }
        return json;
    }
}
