package dev.loopbench.benchmarks;

/**
 * Every default of the benchmarks in one place. JMH needs them as compile-time constants in its
 * annotations; {@code run-benchmarks.sh} overrides them from the command line for its matrices.
 */
public final class BenchmarkDefaults {

    /** Two iterations warm the JIT of both server and client; a wave of the default matrix is 100 ms to 3.2 s. */
    public static final int WARMUP_ITERATIONS = 2;

    public static final int WARMUP_SECONDS = 2;
    public static final int MEASUREMENT_ITERATIONS = 5;
    public static final int MEASUREMENT_SECONDS = 2;
    public static final int FORKS = 1;

    /** A fixed heap keeps GC from resizing during a trial. */
    public static final String HEAP_MIN = "-Xms1g";

    public static final String HEAP_MAX = "-Xmx1g";

    /**
     * Netty's native transport is loaded with {@code System.loadLibrary}, which JDK 22+ warns
     * about in four lines unless native access is allowed; JDK 17 accepts the option too.
     */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /**
     * Client event loops: one per core, at least two, each with its share of the wave's
     * connections ({@code ClientLoops.contextPerLoop}), so that every core can dispatch. More loops
     * than cores only add threads to wake. (An older comparison with Vert.x's default of 2 x cores,
     * 126 against 128 ms at N = 1000, was made while both of a client's contexts sat on one loop,
     * and says nothing about either.)
     */
    public static final int CLIENT_EVENT_LOOPS =
            Math.max(2, Runtime.getRuntime().availableProcessors());

    private BenchmarkDefaults() {}
}
