package dev.loopbench.open;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The open command's default rates")
class DefaultRatesTest {

    @Test
    @DisplayName("sit around the knee: 0.5, 0.9, 1.1 and 1.5 x lambda_max; the harness ladder without one")
    void aroundTheKnee() {
        assertEquals(List.of(10.0, 18.0, 22.0, 30.0), DefaultRates.of(20), "lambda_max 20/s");
        assertEquals(List.of(100.0, 180.0, 220.0, 300.0), DefaultRates.of(200), "lambda_max 200/s");
        assertEquals(List.of(16.7, 30.0, 36.7, 50.0), DefaultRates.of(33.333), "lambda_max 33.333/s");
        assertEquals(DefaultRates.HARNESS_RATES, DefaultRates.of(Double.POSITIVE_INFINITY), "lambda_max unbounded");
        assertEquals(DefaultRates.HARNESS_RATES, DefaultRates.of(Double.NaN), "lambda_max unknown");
    }

    @Test
    @DisplayName("print lambda_max as a rate, unbounded or ?, and beyond it as yes, no or ?")
    void inTheTable() {
        assertEquals("20", OpenTable.describeLambdaMax(20));
        assertEquals("unbounded", OpenTable.describeLambdaMax(Double.POSITIVE_INFINITY));
        assertEquals("?", OpenTable.describeLambdaMax(Double.NaN));
        assertEquals("yes", OpenCell.beyond(22, 20), "22/s against 20/s");
        assertEquals("no", OpenCell.beyond(20, 20), "20/s against 20/s");
        assertEquals("no", OpenCell.beyond(5000, Double.POSITIVE_INFINITY), "5000/s, unbounded");
        assertEquals("?", OpenCell.beyond(5, Double.NaN), "5/s, lambda_max unknown");
    }
}
