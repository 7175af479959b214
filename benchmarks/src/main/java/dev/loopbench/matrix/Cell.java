package dev.loopbench.matrix;

import dev.loopbench.benchmarks.ConcurrentRequestsBenchmark;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One benchmark cell: a handler at one concurrency, delay and number of event loops. */
public record Cell(String handler, int concurrency, int delayMs, int eventLoops) {

    /** Parameter names as a cell reads best: the benchmark's in their declared order, any others after them. */
    public static final Comparator<String> PARAM_ORDER =
            Comparator.comparingInt(Cell::rank).thenComparing(Comparator.naturalOrder());

    private static int rank(String param) {
        int declared = ConcurrentRequestsBenchmark.PARAMS.indexOf(param);
        return declared >= 0 ? declared : ConcurrentRequestsBenchmark.PARAMS.size();
    }

    /** The cell a JMH result measured, from its parameters; empty for a result of another benchmark. */
    public static Optional<Cell> of(Map<String, String> params) {
        try {
            return Optional.of(new Cell(
                    Objects.requireNonNull(params.get("handler")),
                    Integer.parseInt(params.get("concurrency")),
                    Integer.parseInt(params.get("delayMs")),
                    Integer.parseInt(params.get("eventLoops"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** As JMH would name its parameters, for messages. */
    public String describe() {
        return "handler=" + handler + ", concurrency=" + concurrency + ", delayMs=" + delayMs + ", eventLoops="
                + eventLoops;
    }
}
