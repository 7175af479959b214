package dev.loopbench.matrix;

import dev.loopbench.benchmarks.BenchmarkDefaults;
import dev.loopbench.model.Lanes;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaitStyle;
import dev.loopbench.model.WaveModel;

import java.util.Optional;

/** The model's prediction for a cell, when the server's pool sizes are known. */
public final class ModelShape {

    private ModelShape() {
    }

    /** The in-process server the benchmark starts: E event loops, W = 20, V = E. */
    public static ServerShape inProcess(int eventLoops) {
        return new ServerShape(eventLoops, BenchmarkDefaults.WORKER_POOL_SIZE, eventLoops);
    }

    /** NaN when the handler is not loopbench's or the shape is unknown. */
    public static double predictedMillis(String handler, int concurrency, int delayMs, Optional<ServerShape> shape) {
        Optional<WaitStyle> style = WaitStyle.fromPath(handler);
        if (style.isEmpty() || shape.isEmpty()) {
            return Double.NaN;
        }
        Lanes lanes = style.get().lanes(shape.get());
        return WaveModel.predictedMillis(concurrency, delayMs, lanes);
    }
}
