package dev.loopbench.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaveModel;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The benchmark matrices")
class MatrixTest {

    @Test
    @DisplayName("cover every handler, the non-blocking ones up to N = 1000")
    void coverEveryHandler() {
        for (Matrix matrix : new Matrix[] {Matrix.standard(), Matrix.quick()}) {
            Set<String> handlers = new HashSet<>();
            matrix.families().forEach(family -> handlers.addAll(family.handlers()));
            assertEquals(
                    Arrays.stream(HandlerStyle.values()).map(HandlerStyle::path).collect(Collectors.toSet()),
                    handlers,
                    matrix.toString());
            Family nonBlocking = matrix.families().stream()
                    .filter(f -> f.handlers().contains("timer"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(nonBlocking.concurrency().contains(1000), matrix.toString());
            assertTrue(nonBlocking.handlers().contains("virtual-thread-await"), matrix.toString());
        }
    }

    @Test
    @DisplayName("fit their time budgets by the model's estimate: 15 minutes, and 3 with --quick")
    void fitTheirBudgets() {
        Matrix standard = Matrix.standard().withControl(Matrix.STANDARD_CONTROL);
        Matrix quick = Matrix.quick().withControl(Matrix.QUICK_CONTROL);
        // a margin of a minute for the build and what the estimate leaves out
        assertTrue(estimateMinutes(standard) <= 14, "standard with its control: " + estimateMinutes(standard) + " min");
        assertTrue(estimateMinutes(quick) <= 3, "quick with its control: " + estimateMinutes(quick) + " min");
    }

    @Test
    @DisplayName(
            "add the zero-delay control, timer at ms=0, at every concurrency level and event-loop count of the run")
    void controlAtEveryLevel() {
        Matrix matrix = new Matrix(List.of(
                        new Family(
                                "a",
                                List.of("event-loop-sleep"),
                                List.of(1, 4),
                                List.of(100),
                                List.of(2),
                                Matrix.QUICK),
                        new Family("b", List.of("timer"), List.of(4, 1000), List.of(50), List.of(1, 2), Matrix.QUICK)))
                .withControl(Matrix.QUICK_CONTROL);
        Family control = matrix.families().get(matrix.families().size() - 1);
        assertEquals(Matrix.CONTROL, control.name(), matrix.toString());
        assertEquals(List.of("timer"), control.handlers(), matrix.toString());
        assertEquals(List.of(0), control.delays(), matrix.toString());
        assertEquals(List.of(1, 4, 1000), control.concurrency(), matrix.toString());
        assertEquals(List.of(1, 2), control.eventLoops(), matrix.toString());
        assertEquals(matrix, matrix.withControl(Matrix.QUICK_CONTROL), "adding it twice changes nothing");
    }

    @Test
    @DisplayName("leave out of the control the levels where the run already measures timer at ms=0")
    void noControlTwice() {
        Matrix matrix = new Matrix(List.of(new Family(
                        "mine", List.of("timer"), List.of(8, 16), List.of(0, 100), List.of(2), Matrix.QUICK)))
                .withControl(Matrix.QUICK_CONTROL);
        assertEquals(1, matrix.families().size(), "nothing left to control: " + matrix);
    }

    @Test
    @DisplayName("estimate an iteration as whole waves: a 3.2 s wave makes a 2 s iteration last 3.2 s")
    void iterationsLastWholeWaves() {
        JmhSettings settings = new JmhSettings(1, 2, 1, 2, 1);
        assertEquals(JmhSettings.FORK_START_SECONDS + 3.2 * 3, settings.estimateSeconds(3200), 1e-9);
        assertEquals(JmhSettings.FORK_START_SECONDS + 0.1 + 2 * 2, settings.estimateSeconds(100), 1e-9);
    }

    private static double estimateMinutes(Matrix matrix) {
        double seconds = 0;
        for (Family family : matrix.families()) {
            for (Cell cell : family.cellList()) {
                Optional<ServerShape> shape = Optional.of(ServerShape.withDefaultPools(cell.eventLoops()));
                seconds += family.settings()
                        .estimateSeconds(
                                WaveModel.predictedMillis(cell.handler(), cell.concurrency(), cell.delayMs(), shape));
            }
        }
        return seconds / 60;
    }
}
