package dev.loopbench.server;

/**
 * The field names of the {@code /health} body: written by the server ({@link ServerFacts}) and
 * read by the benchmarks' {@code LoopbenchHealth}, both from here, so that neither can rename one
 * alone.
 */
public final class HealthFields {

    public static final String STATUS = "status";
    public static final String JAVA = "java";
    public static final String EVENT_LOOPS = "eventLoops";
    public static final String WORKER_POOL_SIZE = "workerPoolSize";
    public static final String VIRTUAL_THREAD_INSTANCES = "virtualThreadInstances";
    public static final String CORES = "cores";
    public static final String LAG_PROBE_MS = "lagProbeMs";
    public static final String VIRTUAL_THREADS = "virtualThreads";
    public static final String VIRTUAL_THREADS_UNAVAILABLE = "virtualThreadsUnavailable";

    private HealthFields() {}
}
