package dev.loopbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The fit to the model")
class ModelFitTest {

    @ParameterizedTest(name = "measured {0} ms against a model of {1} ms fits: {2}")
    @CsvSource({
        "114, 100, true",
        "116, 100, false",
        "115, 100, true",
        "3500, 3200, true",
        "3520, 3200, true",
        "3600, 3200, false",
        "90, 100, true",
        "84, 100, false",
        "30, 20, true",
        "36, 20, false"
    })
    void fitsWithinTenPercentOrFifteenMilliseconds(double measured, double model, boolean fits) {
        assertEquals(
                fits,
                ModelFit.fits(measured, model),
                "measured=" + measured + " model=" + model + ", " + ModelFit.describe());
    }

    @ParameterizedTest(name = "{0} +- {1} ms over {2} waves, T0 {3} +- {4}, model {5}: {6}")
    @CsvSource({
        // no control: band 100 +- 15 = [85, 115]
        "110, 5, 50, NaN, NaN, 100, FITS",
        "100, 15, 50, NaN, NaN, 100, FITS", //     half-width at the tolerance: still fits
        "100, 15.01, 50, NaN, NaN, 100, UNSURE", // just wider
        "125, 10, 50, NaN, NaN, 100, FITS", //     [115, 135] touches the band's edge
        "125.02, 10, 50, NaN, NaN, 100, MISSES", // just beyond it
        "70, 14.99, 50, NaN, NaN, 100, MISSES", //  [55.01, 84.99] below [85, 115]
        "135.9, 141.6, 50, NaN, NaN, 120, UNSURE", // the quick run's false NO: its interval holds the model
        "948.7, 980.1, 50, NaN, NaN, 800.3, UNSURE",
        "600, 300, 50, NaN, NaN, 200, MISSES", //   wide, but wholly outside [180, 220]
        // T0 20 +- 5 and plain model 100: model 120, tolerance 15, band [100, 140]
        "138, 10, 50, 20, 5, 100, FITS", //         10 + 5 = the tolerance
        "150, 10, 50, 20, 5, 100, FITS", //          [140, 160] meets the band only with T0's interval
        "151, 10, 50, 20, 5, 100, MISSES",
        "120, 11, 50, 20, 5, 100, UNSURE" //        11 + 5 > 15
    })
    void judgesFromTheIntervals(
            double mean, double error, long waves, double t0, double t0Error, double predicted, ModelFit.Fit expected) {
        Optional<ModelFit.Measured> control =
                Double.isNaN(t0) ? Optional.empty() : Optional.of(ModelFit.Measured.of(t0, t0Error, 50));
        ModelFit.Judgement judgement =
                ModelFit.judge(ModelFit.Measured.of(mean, error, waves), control, predicted, false);
        assertEquals(
                expected,
                judgement.fit(),
                "mean=" + mean + " error=" + error + " waves=" + waves + " t0=" + t0 + " t0Error=" + t0Error
                        + " predicted=" + predicted + ": " + judgement);
    }

    @Test
    @DisplayName("is never a miss when the interval contains the model")
    void noMissAroundTheModel() {
        for (double model : new double[] {1, 100, 800, 3200}) {
            for (double error : new double[] {0, 1, 10, 100, 1000}) {
                for (double offset : new double[] {-1, -0.5, 0, 0.5, 1}) {
                    double mean = model + offset * error;
                    ModelFit.Judgement judgement =
                            ModelFit.judge(ModelFit.Measured.of(mean, error, 50), Optional.empty(), model, false);
                    assertTrue(
                            judgement.fit() != ModelFit.Fit.MISSES,
                            "model=" + model + " mean=" + mean + " error=" + error + ": " + judgement);
                }
            }
        }
    }

    @ParameterizedTest(name = "unsure because {0}, decided by {1}")
    @CsvSource({
        "too few waves, more iterations, 5, 20, false, 5",
        "a noisy cell, quieter machine, 50, 20, false, 5",
        "compute shares the cores, --target with a server process, 50, 20, true, 5",
        "T0 is uncertain, control, 50, 5, false, 60"
    })
    void saysWhyAndWhatWouldDecide(
            String reason, String decide, long waves, double error, boolean compute, double t0Error) {
        ModelFit.Judgement judgement = ModelFit.judge(
                ModelFit.Measured.of(120, error, waves),
                Optional.of(ModelFit.Measured.of(20, t0Error, 50)),
                100,
                compute);
        String context =
                "waves=" + waves + " error=" + error + " compute=" + compute + " t0Error=" + t0Error + ": " + judgement;
        assertEquals(ModelFit.Fit.UNSURE, judgement.fit(), context);
        assertTrue(judgement.reason().contains(reason), context);
        assertTrue(judgement.decide().contains(decide), context);
    }

    @Test
    @DisplayName("is unsure, not a miss, of an in-process compute cell slower than the model, and misses one faster")
    void computeSlowerIsTheMachine() {
        ModelFit.Judgement slower = ModelFit.judge(ModelFit.Measured.of(1540, 100, 5), Optional.empty(), 800, true);
        assertEquals(ModelFit.Fit.UNSURE, slower.fit(), slower.toString());
        assertTrue(slower.decide().contains("--target"), slower.toString());
        ModelFit.Judgement faster = ModelFit.judge(ModelFit.Measured.of(400, 10, 50), Optional.empty(), 800, true);
        assertEquals(ModelFit.Fit.MISSES, faster.fit(), faster.toString());
        ModelFit.Judgement elsewhere =
                ModelFit.judge(ModelFit.Measured.of(1540, 100, 50), Optional.empty(), 800, false);
        assertEquals(ModelFit.Fit.MISSES, elsewhere.fit(), "a server of its own: " + elsewhere);
    }

    @Test
    @DisplayName("is unsure of a cell with one iteration, which has no interval")
    void noIntervalNoVerdict() {
        ModelFit.Judgement judgement =
                ModelFit.judge(new ModelFit.Measured(100, Double.NaN, Double.NaN, 20), Optional.empty(), 100, false);
        assertEquals(ModelFit.Fit.UNSURE, judgement.fit(), judgement.toString());
        assertTrue(judgement.decide().contains("more iterations"), judgement.toString());
    }

    @Test
    @DisplayName("says its rule in words from its own constants")
    void describesItself() {
        assertEquals(
                "within 10% or 15 ms, whichever is larger",
                ModelFit.describe(), "ratio=" + ModelFit.TOLERANCE_RATIO + " millis=" + ModelFit.TOLERANCE_MILLIS);
    }
}
