package dev.loopbench.model;

/**
 * The three pool sizes that decide a handler's lanes: E event loops, W worker threads and
 * V virtual-thread verticle instances; and C, the cores the server may use, which bound the
 * lanes of a handler that computes instead of waiting.
 */
public record ServerShape(int eventLoops, int workerPoolSize, int virtualThreadInstances, int cores) {

    /** W when not given: Vert.x's own default. */
    public static final int DEFAULT_WORKER_POOL_SIZE = 20;

    public ServerShape {
        requirePositive("eventLoops", eventLoops);
        requirePositive("workerPoolSize", workerPoolSize);
        requirePositive("virtualThreadInstances", virtualThreadInstances);
        requirePositive("cores", cores);
    }

    /**
     * C is this JVM's {@link Runtime#availableProcessors()}, which follows {@code taskset} and a
     * container's CPU limit: right for a server in this JVM, a guess for any other.
     */
    public ServerShape(int eventLoops, int workerPoolSize, int virtualThreadInstances) {
        this(
                eventLoops,
                workerPoolSize,
                virtualThreadInstances,
                Runtime.getRuntime().availableProcessors());
    }

    /** E event loops and the default of the other two: W = 20, and V = E, one virtual-thread instance per loop. */
    public static ServerShape withDefaultPools(int eventLoops) {
        return new ServerShape(eventLoops, DEFAULT_WORKER_POOL_SIZE, eventLoops);
    }

    /** The defaults of {@link #withDefaultPools} in words, for plans and help texts. */
    public static String describeDefaultPools() {
        return "W=" + DEFAULT_WORKER_POOL_SIZE + ", V=E";
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    @Override
    public String toString() {
        return "E=" + eventLoops + " W=" + workerPoolSize + " V=" + virtualThreadInstances + " C=" + cores;
    }
}
