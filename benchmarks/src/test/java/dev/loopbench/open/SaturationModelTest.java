package dev.loopbench.open;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbench.model.ServerShape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The saturation model")
class SaturationModelTest {

    private static final Optional<ServerShape> E2_W20_V2 = Optional.of(new ServerShape(2, 20, 2));

    @Test
    @DisplayName("lambda_max = L / D: 20/s for the serial handlers at E = 2, D = 100 ms, 200/s for the worker pool")
    void lambdaMax() {
        assertEquals(20, SaturationModel.lambdaMax("event-loop-sleep", 100, E2_W20_V2));
        assertEquals(20, SaturationModel.lambdaMax("execute-blocking-ordered", 100, E2_W20_V2));
        assertEquals(200, SaturationModel.lambdaMax("execute-blocking-unordered", 100, E2_W20_V2));
        assertEquals(20, SaturationModel.lambdaMax("virtual-thread-sleep", 100, E2_W20_V2));
        assertEquals(40, SaturationModel.lambdaMax("/event-loop-sleep", 50, E2_W20_V2));
    }

    @Test
    @DisplayName("lambda_max is unbounded for the non-blocking handlers and for D = 0, unknown for other servers")
    void unboundedAndUnknown() {
        assertEquals(Double.POSITIVE_INFINITY, SaturationModel.lambdaMax("timer", 100, E2_W20_V2));
        assertEquals(Double.POSITIVE_INFINITY, SaturationModel.lambdaMax("virtual-thread-await", 100, E2_W20_V2));
        assertEquals(Double.POSITIVE_INFINITY, SaturationModel.lambdaMax("event-loop-sleep", 0, E2_W20_V2));
        assertEquals(Double.NaN, SaturationModel.lambdaMax("event-loop-sleep", 100, Optional.empty()));
        assertEquals(Double.NaN, SaturationModel.lambdaMax("orders", 100, E2_W20_V2));
        assertEquals("unbounded", SaturationModel.describe(Double.POSITIVE_INFINITY));
        assertEquals("?", SaturationModel.describe(Double.NaN));
    }

    @Test
    @DisplayName(
            "default rates sit around the knee: 0.5, 0.9, 1.1 and 1.5 x lambda_max; the harness ladder without one")
    void defaultRates() {
        assertEquals(List.of(10.0, 18.0, 22.0, 30.0), SaturationModel.defaultRates(20));
        assertEquals(List.of(100.0, 180.0, 220.0, 300.0), SaturationModel.defaultRates(200));
        assertEquals(List.of(16.7, 30.0, 36.7, 50.0), SaturationModel.defaultRates(33.333));
        assertEquals(SaturationModel.HARNESS_RATES, SaturationModel.defaultRates(Double.POSITIVE_INFINITY));
        assertEquals(SaturationModel.HARNESS_RATES, SaturationModel.defaultRates(Double.NaN));
    }

    @Test
    @DisplayName("beyond lambda_max: yes above it, no at or below it or when unbounded, ? when unknown")
    void beyond() {
        assertEquals("yes", SaturationModel.beyond(22, 20));
        assertEquals("no", SaturationModel.beyond(20, 20));
        assertEquals("no", SaturationModel.beyond(5000, Double.POSITIVE_INFINITY));
        assertEquals("?", SaturationModel.beyond(5, Double.NaN));
    }

    @Test
    @DisplayName("the backlog beyond the knee drains at lambda_max: 1.5 x 20/s for 7 s leaves 3.5 s of work")
    void drain() {
        assertEquals(3.5, SaturationModel.drainSeconds(30, 20, 7), 1e-9);
        assertEquals(0, SaturationModel.drainSeconds(10, 20, 7));
        assertEquals(0, SaturationModel.drainSeconds(10, Double.POSITIVE_INFINITY, 7));
    }
}
