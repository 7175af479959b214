package dev.loopbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    @DisplayName("says its rule in words from its own constants")
    void describesItself() {
        assertEquals(
                "within 10% or 15 ms, whichever is larger",
                ModelFit.describe(), "ratio=" + ModelFit.TOLERANCE_RATIO + " millis=" + ModelFit.TOLERANCE_MILLIS);
    }
}
