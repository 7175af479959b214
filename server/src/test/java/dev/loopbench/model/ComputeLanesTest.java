package dev.loopbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Computing takes a core: the lanes of a compute handler are min(L, C)")
class ComputeLanesTest {

    @ParameterizedTest(name = "E={1} W={2} V={3} on C={4} cores: {0} has {5} lanes")
    @CsvSource({
        // a worker pool does not add cores
        "EXECUTE_BLOCKING_COMPUTE,   2, 20,  2, 2,  2",
        "EXECUTE_BLOCKING_COMPUTE,   2, 20,  2, 64, 20",
        "EVENT_LOOP_COMPUTE,         1, 20,  1, 2,  1",
        "EVENT_LOOP_COMPUTE,         4, 20,  4, 2,  2",
        "VIRTUAL_THREAD_COMPUTE,     2, 20, 16, 2,  2",
        "VIRTUAL_THREAD_COMPUTE,     2, 20,  1, 8,  1",
        // waiting needs no core: the waits keep their lanes
        "EXECUTE_BLOCKING_UNORDERED, 2, 20,  2, 2,  20",
        "EVENT_LOOP_SLEEP,           4, 20,  4, 2,  4",
        "VIRTUAL_THREAD_SLEEP,       2, 20, 16, 2,  16",
    })
    void computeLanesAreTheWaitLanesCappedByTheCores(
            HandlerStyle style, int eventLoops, int workers, int virtualThreadInstances, int cores, int expectedLanes) {
        ServerShape shape = new ServerShape(eventLoops, workers, virtualThreadInstances, cores);
        assertEquals(Lanes.of(expectedLanes), style.lanes(shape), style + " on " + shape);
    }
}
