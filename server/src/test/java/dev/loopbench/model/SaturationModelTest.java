package dev.loopbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The open model's saturation")
class SaturationModelTest {

    private static final Optional<ServerShape> E2_W20_V2 = Optional.of(new ServerShape(2, 20, 2));

    @ParameterizedTest(name = "lambda_max of {0} at D = {1} ms on E=2 W=20 V=2 is {2}/s")
    @CsvSource({
        "event-loop-sleep, 100, 20",
        "execute-blocking-ordered, 100, 20",
        "execute-blocking-unordered, 100, 200",
        "virtual-thread-sleep, 100, 20",
        "/event-loop-sleep, 50, 40",
        "timer, 100, Infinity",
        "virtual-thread-await, 100, Infinity",
        "event-loop-sleep, 0, Infinity",
        "orders, 100, NaN"
    })
    void lambdaMaxIsLanesOverD(String handler, int delayMs, double lambdaMax) {
        assertEquals(
                lambdaMax,
                SaturationModel.lambdaMax(handler, delayMs, E2_W20_V2),
                handler + " D=" + delayMs + " on " + E2_W20_V2.get());
    }

    @ParameterizedTest(name = "lambda_max of {0} is unknown (NaN) on a server whose pools are unknown")
    @CsvSource({"event-loop-sleep", "timer"})
    void lambdaMaxIsUnknownWithoutTheShape(String handler) {
        assertEquals(Double.NaN, SaturationModel.lambdaMax(handler, 100, Optional.empty()), handler + " D=100");
    }

    @ParameterizedTest(name = "{0}/s against lambda_max {1}/s saturates: {2}")
    @CsvSource({"22, 20, true", "20, 20, false", "5000, Infinity, false", "5, NaN, false"})
    void saturatesBeyondTheKnee(double rate, double lambdaMax, boolean saturates) {
        assertEquals(saturates, SaturationModel.saturates(rate, lambdaMax), "rate=" + rate + " lambdaMax=" + lambdaMax);
    }

    @ParameterizedTest(name = "{0}/s against lambda_max {1}/s for {2} s drains in {3} s, the last request waits {4} ms")
    @CsvSource({"30, 20, 7, 3.5, 3600", "10, 20, 7, 0, 100", "10, Infinity, 7, 0, 100", "30, NaN, 7, 0, NaN"})
    void backlogDrainsAtLambdaMax(
            double rate, double lambdaMax, double seconds, double drainSeconds, double maxLatencyMillis) {
        String inputs = "rate=" + rate + " lambdaMax=" + lambdaMax + " schedule=" + seconds + " s, D=100";
        assertEquals(drainSeconds, SaturationModel.drainSeconds(rate, lambdaMax, seconds), 1e-9, inputs);
        assertEquals(maxLatencyMillis, SaturationModel.maxLatencyMillis(rate, lambdaMax, 100, seconds), 1e-9, inputs);
    }
}
