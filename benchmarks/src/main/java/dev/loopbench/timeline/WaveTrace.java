package dev.loopbench.timeline;

import java.util.Comparator;
import java.util.List;

/**
 * A wave recorded request by request.
 *
 * @param sameClock       true in-process: client and server times are on one clock
 * @param predictedMillis the model's wave time; NaN when the lanes are unknown
 */
public record WaveTrace(
        String handler,
        int concurrency,
        int delayMs,
        String serverShape,
        double predictedMillis,
        boolean sameClock,
        List<RequestTrace> requests,
        List<BystanderTrace> bystanders) {

    public WaveTrace {
        requests = List.copyOf(requests);
        bystanders = List.copyOf(bystanders);
    }

    /** When the last answer arrived, in ms from the start. */
    public double millis() {
        return requests.stream().mapToDouble(RequestTrace::answered).max().orElse(0);
    }

    /** When the last answer of anyone, bystanders included, arrived: what a picture of the wave must span. */
    public double spanMillis() {
        return Math.max(
                millis(),
                bystanders.stream().mapToDouble(BystanderTrace::answered).max().orElse(0));
    }

    /** In the order the server started them (or answered them, without server times): the staircase reads top-down. */
    public List<RequestTrace> byStart() {
        return requests.stream()
                .sorted(Comparator.comparingDouble((RequestTrace r) -> r.hasServerTimes() ? r.started() : r.answered())
                        .thenComparingInt(RequestTrace::index))
                .toList();
    }
}
