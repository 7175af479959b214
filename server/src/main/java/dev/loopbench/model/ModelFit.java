package dev.loopbench.model;

import java.util.Locale;

/**
 * Whether a measured wave time fits the model: within {@link #TOLERANCE_RATIO} of it or
 * {@link #TOLERANCE_MILLIS}, whichever is larger. One rule for every report, and its constants
 * public, so that help texts and docs print it instead of restating it.
 */
public final class ModelFit {

    public static final double TOLERANCE_RATIO = 0.10;

    public static final double TOLERANCE_MILLIS = 15;

    private ModelFit() {}

    /** {@code modelMillis} is the model corrected by T0 where the run has the control. */
    public static boolean fits(double measuredMillis, double modelMillis) {
        return Math.abs(measuredMillis - modelMillis) <= Math.max(TOLERANCE_RATIO * modelMillis, TOLERANCE_MILLIS);
    }

    /** The rule in words, e.g. {@code within 10% or 15 ms, whichever is larger}. */
    public static String describe() {
        return String.format(
                Locale.ROOT, "within %.0f%% or %.0f ms, whichever is larger", TOLERANCE_RATIO * 100, TOLERANCE_MILLIS);
    }
}
