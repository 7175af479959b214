package dev.loopbench.model;

/**
 * The three pool sizes that decide a handler's lanes: E event loops, W worker threads and
 * V virtual-thread verticle instances; and C, the cores the server may use, which bound the
 * lanes of a handler that computes instead of waiting.
 */
public record ServerShape(int eventLoops, int workerPoolSize, int virtualThreadInstances, int cores) {

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
