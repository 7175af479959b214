package dev.loopbench.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a measured cell fits the model. A point is within the tolerance when it is within
 * {@link #TOLERANCE_RATIO} of the model or {@link #TOLERANCE_MILLIS}, whichever is larger; a cell
 * is judged from its interval (JMH's 99.9% confidence interval of the score) and that of its
 * control T0, in three outcomes ({@link #judge}):
 *
 * <pre>
 *   band    = [T0.low + model - tolerance, T0.high + model + tolerance]   (no control: model +- tolerance)
 *   misses  the whole interval lies outside the band: no value the cell could have is within tolerance
 *   fits    the interval meets the band, and its half-width plus T0's is at most the tolerance
 *   unsure  the interval meets the band but is too wide (or missing) to tell; with the reason and what would decide it
 * </pre>
 *
 * One rule for every report, and its constants public, so that help texts and docs print it
 * instead of restating it.
 */
public final class ModelFit {

    public static final double TOLERANCE_RATIO = 0.10;

    public static final double TOLERANCE_MILLIS = 15;

    /** Fewer measured waves than this, and a wide interval is put down to too few waves. */
    public static final long FEW_WAVES = 10;

    /** The three outcomes, with the word the reports print. */
    public enum Fit {
        FITS("fits"),
        UNSURE("unsure"),
        MISSES("misses");

        private final String word;

        Fit(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * A measured wave time: the mean, its interval (NaN ends when there is none, as with one
     * iteration) and how many waves it rests on (0 when unknown).
     */
    public record Measured(double mean, double low, double high, long waves) {

        public static Measured of(double mean, double error, long waves) {
            return new Measured(mean, mean - error, mean + error, waves);
        }

        public boolean hasInterval() {
            return Double.isFinite(low) && Double.isFinite(high);
        }

        public double halfWidth() {
            return (high - low) / 2;
        }
    }

    /**
     * @param fit    the outcome
     * @param reason why, in a few words (for {@code unsure}: too few waves, a noisy cell, an uncertain T0)
     * @param decide what would decide an {@code unsure} cell; empty otherwise
     */
    public record Judgement(Fit fit, String reason, String decide) {}

    private ModelFit() {}

    /** Whether one measured time is within the tolerance of the model (corrected by T0 where the run has it). */
    public static boolean fits(double measuredMillis, double modelMillis) {
        return Math.abs(measuredMillis - modelMillis) <= toleranceMillis(modelMillis);
    }

    public static double toleranceMillis(double modelMillis) {
        return Math.max(TOLERANCE_RATIO * modelMillis, TOLERANCE_MILLIS);
    }

    /**
     * The three-way fit of a cell.
     *
     * @param cell            the cell's wave time
     * @param t0              the zero-delay control at the cell's N, when the run has it
     * @param predictedMillis the plain model, {@code ceil(N / L) x D}
     * @param computeInProcess whether the cell burns CPU on the in-process server, whose cores the
     *                        client and the machine's other processes share: a wide interval, or
     *                        one wholly slower than the model, is then the machine's (on a shared
     *                        2-core VM such a wave took 1.0 to 1.8 s against 0.8 as the JVM got
     *                        1.8 to 1.0 cores), and a server process of its own is what decides it
     */
    public static Judgement judge(
            Measured cell, Optional<Measured> t0, double predictedMillis, boolean computeInProcess) {
        double control = t0.map(Measured::mean).orElse(0.0);
        double model = WaveModel.correctedMillis(control, predictedMillis);
        double tolerance = toleranceMillis(model);
        boolean t0Known = t0.map(Measured::hasInterval).orElse(true);
        double t0HalfWidth =
                t0.filter(Measured::hasInterval).map(Measured::halfWidth).orElse(0.0);
        if (!cell.hasInterval()) {
            return new Judgement(Fit.UNSURE, "one iteration: no interval", "more iterations (-i 5 or more)");
        }
        double bandLow = model - t0HalfWidth - tolerance;
        double bandHigh = model + t0HalfWidth + tolerance;
        if (computeInProcess && cell.low() > bandHigh) {
            return new Judgement(
                    Fit.UNSURE,
                    "slower than the model, which counts on C free cores: an in-process compute cell gets the cores"
                            + " the client and the machine's other processes leave it",
                    "--target with a server process on cores of its own, on a quiet machine");
        }
        if (cell.high() < bandLow || cell.low() > bandHigh) {
            return new Judgement(
                    Fit.MISSES,
                    String.format(
                            Locale.ROOT,
                            "%s than the model by more than the tolerance",
                            cell.low() > bandHigh ? "slower" : "faster"),
                    "");
        }
        double width = cell.halfWidth() + t0HalfWidth;
        if (t0Known && width <= tolerance) {
            return new Judgement(Fit.FITS, "", "");
        }
        String spread = String.format(Locale.ROOT, "+-%.1f ms against a tolerance of %.1f", width, tolerance);
        if (!t0Known || t0HalfWidth > cell.halfWidth()) {
            return new Judgement(
                    Fit.UNSURE, "T0 is uncertain (" + spread + ")", "more iterations of the control (timer at ms=0)");
        }
        if (computeInProcess) {
            return new Judgement(
                    Fit.UNSURE,
                    "a noisy cell: compute shares the cores with the client and the machine (" + spread + ", "
                            + cell.waves() + " waves)",
                    "--target with a server process on cores of its own, or more iterations (-i)");
        }
        if (cell.waves() > 0 && cell.waves() < FEW_WAVES) {
            return new Judgement(
                    Fit.UNSURE, "too few waves: " + cell.waves() + " (" + spread + ")", "more iterations (-i)");
        }
        return new Judgement(Fit.UNSURE, "a noisy cell (" + spread + ")", "more iterations (-i), or a quieter machine");
    }

    /** The rule in words, e.g. {@code within 10% or 15 ms, whichever is larger}. */
    public static String describe() {
        return String.format(
                Locale.ROOT, "within %.0f%% or %.0f ms, whichever is larger", TOLERANCE_RATIO * 100, TOLERANCE_MILLIS);
    }

    /** The three-way rule in one sentence, for notes under a table. */
    public static String describeJudgement() {
        return "fits: the cell's 99.9% interval meets the model (T0 + ceil(N / L) x D, T0's interval included) "
                + describe() + ", and is no wider than that; misses: the whole interval lies outside; unsure: it"
                + " meets the model but is too wide to tell";
    }
}
