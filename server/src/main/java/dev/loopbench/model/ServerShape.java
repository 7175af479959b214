package dev.loopbench.model;

/**
 * The three pool sizes that decide a handler's lanes: E event loops, W worker threads and
 * V virtual-thread verticle instances.
 */
public record ServerShape(int eventLoops, int workerPoolSize, int virtualThreadInstances) {

    public ServerShape {
        requirePositive("eventLoops", eventLoops);
        requirePositive("workerPoolSize", workerPoolSize);
        requirePositive("virtualThreadInstances", virtualThreadInstances);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    @Override
    public String toString() {
        return "E=" + eventLoops + " W=" + workerPoolSize + " V=" + virtualThreadInstances;
    }
}
