package dev.loopbench.hyperfoil;

/** The load an exported scenario drives: loopbench's waves (closed model) or a constant rate (open model). */
public sealed interface Load permits Load.Waves, Load.ConstantRate {

    /**
     * Waves of {@code concurrency} simultaneous requests, each wave starting when the last
     * response of the previous one arrived: Hyperfoil's {@code atOnce} with {@code maxIterations}.
     */
    record Waves(int concurrency, int warmupWaves, int waves) implements Load {

        public Waves {
            requireAtLeast("concurrency", concurrency, 1);
            requireAtLeast("warm-up waves", warmupWaves, 0);
            requireAtLeast("waves", waves, 1);
        }
    }

    /**
     * Requests started at {@code perSecond} whether or not earlier ones were answered:
     * Hyperfoil's {@code constantRate}, evenly spaced or, with {@code poisson}, at random
     * (exponential) intervals of the same mean.
     */
    record ConstantRate(double perSecond, int warmupSeconds, int durationSeconds, boolean poisson) implements Load {

        public ConstantRate {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException(
                        "rate must be a positive number of requests per second, got " + perSecond);
            }
            requireAtLeast("warm-up seconds", warmupSeconds, 0);
            requireAtLeast("duration seconds", durationSeconds, 1);
        }
    }

    private static void requireAtLeast(String what, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(what + " must be at least " + minimum + ", got " + value);
        }
    }
}
