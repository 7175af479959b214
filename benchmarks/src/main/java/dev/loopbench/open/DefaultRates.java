package dev.loopbench.open;

import java.util.List;

/**
 * The rates {@code open} offers when none are given: around the model's knee
 * ({@link dev.loopbench.model.SaturationModel#lambdaMax}) where it has one, a fixed ladder where not.
 */
final class DefaultRates {

    /**
     * Default rates as fractions of lambda_max: two below the knee (half, where nothing queues,
     * and 0.9, near it, where Poisson arrivals already queue a little), two beyond (1.1, just
     * past it, where the queue grows slowly, and 1.5, where it plainly runs away).
     */
    static final List<Double> KNEE_FRACTIONS = List.of(0.5, 0.9, 1.1, 1.5);

    /**
     * For handlers the model does not bound (and servers whose lanes are unknown): a ladder up to
     * where this 2-core box bends with client and server on it. timer, D = 100 ms, 3 s each after
     * the JIT warm-up, load average 6 to 8 from other work: p99 104, 102, 104, 104 and 112 ms at
     * 1000, 2000, 3000, 4000 and 6000/s, harness lag p99 at most 4.5 ms; at 8000 and 12000/s the
     * harness fell 100 to 250 ms behind and p99 was 400 to 770 ms; at 16 000/s 1.7 s.
     */
    static final List<Double> HARNESS_RATES = List.of(1000.0, 3000.0, 6000.0, 12000.0);

    private DefaultRates() {}

    static List<Double> of(double lambdaMax) {
        if (!Double.isFinite(lambdaMax)) {
            return HARNESS_RATES;
        }
        return KNEE_FRACTIONS.stream()
                .map(fraction -> roundToThreeDigits(fraction * lambdaMax))
                .toList();
    }

    private static double roundToThreeDigits(double value) {
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(value)));
        return Math.round(value * scale) / scale;
    }
}
