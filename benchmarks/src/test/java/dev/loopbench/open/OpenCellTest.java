package dev.loopbench.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.SaturationModel;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An open cell")
class OpenCellTest {

    @Test
    @DisplayName("says the harness fell behind when its lag p99 is over 10 ms, and by how much at most")
    void fellBehind() {
        OpenCell late = cell(25.0, 40.0, 0);
        assertTrue(late.fellBehind(), late.toString());
        assertEquals(
                List.of("the harness fell behind its schedule by 40 ms (p99 25.0 ms): the rate was not offered"),
                late.warnings());
        OpenCell onTime = cell(1.5, 12.0, 0);
        assertFalse(onTime.fellBehind(), onTime.toString());
        assertEquals(List.of(), onTime.warnings());
    }

    @Test
    @DisplayName("says how many requests waited in the client when every connection it may open was busy")
    void queuedInClient() {
        OpenCell cell = cell(1.5, 2.0, 17);
        assertTrue(cell.fellBehind(), cell.toString());
        assertEquals(
                List.of("17 requests waited in the client: all 4000 connections it may open were busy, so the rate"
                        + " was not offered"),
                cell.warnings());
    }

    @Test
    @DisplayName("draws its percentile spectrum no further than its requests tell apart: 1 / (1 - p) at most n")
    void spectrumResolution() {
        OpenCell cell = cell(1, 1, 0);
        List<double[]> spectrum = cell.spectrum();
        double[] last = spectrum.get(spectrum.size() - 1);
        assertEquals(99.9, last[0], 1e-9, "1000 requests: the last point is p99.9, the max");
        assertEquals(cell.maxMillis(), last[1]);
        for (double[] point : spectrum) {
            assertTrue(1 / (1 - point[0] / 100) <= 1000 + 1e-6, "p" + point[0] + " needs more than 1000 requests");
        }
    }

    @Test
    @DisplayName("names its percentile axis by nines: 0%, 90%, 99%, 99.9%, 99.99%")
    void percentileLabels() {
        assertEquals("0%", SpectrumChart.percentileLabel(0));
        assertEquals("90%", SpectrumChart.percentileLabel(1));
        assertEquals("99%", SpectrumChart.percentileLabel(2));
        assertEquals("99.9%", SpectrumChart.percentileLabel(3));
        assertEquals("99.99%", SpectrumChart.percentileLabel(4));
        assertTrue(SpectrumChart.percentileLabel(0.5).isBlank());
        assertEquals(3, SpectrumChart.nines(99.9), 1e-9);
    }

    @Test
    @DisplayName("knows the model's latency of its last request: D below the knee, D + (R / lambda_max - 1) x t beyond")
    void modelMax() {
        assertEquals(100, cell(1, 1, 0).modelMaxMillis(), 1e-9, "10/s, lambda_max 20/s");
        assertEquals(3600, SaturationModel.maxLatencyMillis(30, 20, 100, 7), 1e-9, "1.5 x lambda_max for 7 s");
        assertEquals(Double.NaN, SaturationModel.maxLatencyMillis(30, Double.NaN, 100, 7));
    }

    /** 1000 requests of 100 to 199.9 ms at 10/s, lambda_max 20/s, 7 s of schedule. */
    private static OpenCell cell(double lagP99Millis, double lagMaxMillis, long queuedInClient) {
        Histogram latency = new Histogram(3);
        for (int i = 0; i < 1000; i++) {
            latency.recordValue(100_000_000L + i * 100_000L);
        }
        return new OpenCell(
                "event-loop-sleep",
                100,
                10,
                20,
                7,
                10,
                10,
                1000,
                0,
                0,
                0,
                queuedInClient,
                null,
                lagP99Millis,
                lagMaxMillis,
                16,
                4000,
                2,
                0,
                latency,
                List.of(latency));
    }
}
