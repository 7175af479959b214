package dev.loopbench.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Handlers that share their concurrency levels and JMH settings: one JMH run. Blocking handlers
 * stop at a concurrency whose staircase is still affordable; non-blocking ones go on to 1000.
 */
public record Family(
        String name,
        List<String> handlers,
        List<Integer> concurrency,
        List<Integer> delays,
        List<Integer> eventLoops,
        JmhSettings settings) {

    public Family {
        handlers = List.copyOf(handlers);
        concurrency = List.copyOf(concurrency);
        delays = List.copyOf(delays);
        eventLoops = List.copyOf(eventLoops);
    }

    public Family withHandlers(List<String> newHandlers) {
        return new Family(name, newHandlers, concurrency, delays, eventLoops, settings);
    }

    public Family withSettings(JmhSettings newSettings) {
        return new Family(name, handlers, concurrency, delays, eventLoops, newSettings);
    }

    /** Whether its waves get bystanders: every family's but the zero-delay control's ({@link Matrix#CONTROL}). */
    public boolean sendsBystanders() {
        return !name.equals(Matrix.CONTROL);
    }

    public boolean isEmpty() {
        return handlers.isEmpty() || concurrency.isEmpty() || delays.isEmpty() || eventLoops.isEmpty();
    }

    public int cells() {
        return handlers.size() * concurrency.size() * delays.size() * eventLoops.size();
    }

    /** Every cell, handler by handler, in rising concurrency. */
    public List<Cell> cellList() {
        List<Cell> cells = new ArrayList<>();
        for (String handler : handlers) {
            for (int n : concurrency) {
                for (int delay : delays) {
                    for (int loops : eventLoops) {
                        cells.add(new Cell(handler, n, delay, loops));
                    }
                }
            }
        }
        return cells;
    }
}
