package dev.loopbench.cli;

import dev.loopbench.matrix.Cell;
import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.Matrix;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaveModel;
import dev.loopbench.render.Table;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a run will do, printed before it starts: every cell with the model's wave time, and an estimated duration. */
final class RunPlan {

    private RunPlan() {}

    static void print(PrintStream out, Matrix matrix, Optional<String> target, Optional<ServerShape> externalShape) {
        out.println();
        out.printf(
                "loopbench: plan: %d cells on %s%n",
                matrix.cells(),
                target.map(url -> "target " + url)
                        .orElse("the in-process server (" + ServerShape.describeDefaultPools() + ")"));
        for (Family family : matrix.families()) {
            out.printf(
                    "  %s handlers: JMH %s%n",
                    family.name(), String.join(" ", family.settings().jmhArgs()));
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"handler", "N", "D ms", "E", "model wave ms", "est. s"});
        double totalSeconds = 0;
        for (Family family : matrix.families()) {
            for (Cell cell : family.cellList()) {
                double model = modelMillis(cell, target, externalShape);
                double seconds = family.settings().estimateSeconds(model);
                totalSeconds += seconds;
                rows.add(new String[] {
                    cell.handler(),
                    Integer.toString(cell.concurrency()),
                    Integer.toString(cell.delayMs()),
                    target.isPresent() ? "ext" : Integer.toString(cell.eventLoops()),
                    Double.isNaN(model) ? "?" : String.format(Locale.ROOT, "%.0f", model),
                    String.format(Locale.ROOT, "%.0f", seconds)
                });
            }
        }
        out.print(Table.render(rows, "lrrrrr"));
        out.printf(Locale.ROOT, "estimated duration: %.1f min (from the model's wave times)%n", totalSeconds / 60);
    }

    /** The estimate {@link #print} ends with, for the in-process server: what {@code --help} says a run takes. */
    static double estimatedSeconds(Matrix matrix) {
        double seconds = 0;
        for (Family family : matrix.families()) {
            for (Cell cell : family.cellList()) {
                seconds += family.settings().estimateSeconds(modelMillis(cell, Optional.empty(), Optional.empty()));
            }
        }
        return seconds;
    }

    private static double modelMillis(Cell cell, Optional<String> target, Optional<ServerShape> externalShape) {
        Optional<ServerShape> shape =
                target.isPresent() ? externalShape : Optional.of(ServerShape.withDefaultPools(cell.eventLoops()));
        return WaveModel.predictedMillis(cell.handler(), cell.concurrency(), cell.delayMs(), shape);
    }
}
