package dev.loopbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model's arithmetic, without a server: {@code WaveTimingTest} checks it against real waves. */
@DisplayName("The wave model")
class WaveModelTest {

    private static final ServerShape E2_W20_V2 = ServerShape.withDefaultPools(2);

    @ParameterizedTest(name = "N = {0} on L = {1} lanes takes {2} rounds")
    @CsvSource({"1, 1, 1", "1, 2, 1", "2, 2, 1", "3, 2, 2", "64, 2, 32", "64, 20, 4", "1000, 2147483647, 1"})
    void roundsAreTheCeilingOfNOverL(int concurrency, int lanes, long rounds) {
        assertEquals(rounds, WaveModel.rounds(concurrency, Lanes.of(lanes)), "N=" + concurrency + " L=" + lanes);
    }

    @ParameterizedTest(name = "{0} at N = {1}, D = 100 ms on E=2 W=20 V=2: {2} ms")
    @CsvSource({
        "event-loop-sleep, 64, 3200",
        "execute-blocking-ordered, 64, 3200",
        "execute-blocking-unordered, 64, 400",
        "execute-blocking-unordered, 20, 100",
        "timer, 1000, 100",
        "virtual-thread-sleep, 4, 200",
        "virtual-thread-await, 1000, 100"
    })
    void predictsEachHandlersStaircase(String handler, int concurrency, double millis) {
        assertEquals(
                millis,
                WaveModel.predictedMillis(handler, concurrency, 100, Optional.of(E2_W20_V2)),
                handler + " N=" + concurrency + " on " + E2_W20_V2);
    }

    @Test
    @DisplayName("predicts nothing (NaN) for a path that is not loopbench's or a server whose pools are unknown")
    void unknownIsNaN() {
        assertTrue(
                Double.isNaN(WaveModel.predictedMillis("api/report", 8, 100, Optional.of(E2_W20_V2))),
                "api/report N=8 D=100 on " + E2_W20_V2);
        assertTrue(
                Double.isNaN(WaveModel.predictedMillis("timer", 8, 100, Optional.empty())),
                "timer N=8 D=100 on an unknown server");
    }

    @ParameterizedTest(name = "N = {0}, D = {1} ms measured at {2} ms behaved as P = {3} lanes")
    @CsvSource({"64, 100, 3200, 2", "64, 100, 400, 16", "1000, 100, 125, 800", "1, 100, 100, 1"})
    void effectiveParallelismIsNDOverT(int concurrency, double delay, double measured, double lanes) {
        assertEquals(
                lanes,
                WaveModel.effectiveParallelism(concurrency, delay, measured),
                1e-9,
                "N=" + concurrency + " D=" + delay + " T=" + measured);
    }

    @ParameterizedTest(name = "P is not defined (NaN) for N = {0}, D = {1} ms, T = {2} ms")
    @CsvSource({"1000, 0, 20", "8, 100, 0", "8, 100, -1", "8, 100, NaN"})
    void effectiveParallelismIsNaNWhereItSaysNothing(int concurrency, double delay, double measured) {
        double parallelism = WaveModel.effectiveParallelism(concurrency, delay, measured);
        assertTrue(
                Double.isNaN(parallelism),
                "N=" + concurrency + " D=" + delay + " T=" + measured + " gave P=" + parallelism);
    }

    @ParameterizedTest(name = "T0 = {0} ms and a prediction of {1} ms make a corrected model of {2} ms")
    @CsvSource({"20.2, 100, 120.2", "0, 3200, 3200", "31.5, NaN, NaN"})
    void correctedModelAddsTheControl(double control, double predicted, double corrected) {
        assertEquals(
                corrected,
                WaveModel.correctedMillis(control, predicted),
                1e-9,
                "T0=" + control + " predicted=" + predicted);
    }

    @Test
    @DisplayName("refuses a concurrency below 1")
    void refusesImpossibleInput() {
        assertEquals(
                "concurrency must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> WaveModel.rounds(0, Lanes.of(1)))
                        .getMessage());
        assertEquals(
                "concurrency must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> WaveModel.effectiveParallelism(0, 100, 100))
                        .getMessage());
    }

    @ParameterizedTest(name = "a bystander of {0} with E = {1}, N = {2}, D = 50 ms waits up to {3} ms")
    @CsvSource({
        "event-loop-sleep, 1, 8, 400",
        "event-loop-sleep, 2, 8, 200",
        "event-loop-sleep, 2, 7, 200",
        "timer, 1, 8, 0",
        "execute-blocking-ordered, 1, 8, 0",
        "execute-blocking-unordered, 1, 8, 0",
        "virtual-thread-sleep, 1, 8, 0",
        "virtual-thread-await, 1, 8, 0"
    })
    void bystandersWaitBehindWhatHoldsTheirLoop(String handler, int eventLoops, int concurrency, double millis) {
        HandlerStyle style = HandlerStyle.fromPath(handler).orElseThrow();
        assertEquals(
                millis,
                WaveModel.bystanderWaitMillis(style, concurrency, 50, new ServerShape(eventLoops, 20, eventLoops)),
                1e-9,
                handler + " E=" + eventLoops + " N=" + concurrency);
    }
}
