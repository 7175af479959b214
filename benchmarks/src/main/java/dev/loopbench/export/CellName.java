package dev.loopbench.export;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.matrix.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * One name per cell, parameters included, as dashboards key their series: for example
 * {@code ConcurrentRequestsBenchmark.wave handler=timer,concurrency=64,delayMs=100,eventLoops=2}.
 * Keyed by the benchmark's name alone, as Bencher's JMH adapter does, every cell would be one.
 */
final class CellName {

    private CellName() {}

    static String of(JmhResult result) {
        List<String> names = new ArrayList<>(result.params().keySet());
        names.sort(Cell.PARAM_ORDER);
        List<String> params = new ArrayList<>();
        for (String name : names) {
            String value = result.param(name);
            if (!value.isBlank()) { // an empty target is the in-process server, the usual case
                params.add(name + "=" + value);
            }
        }
        return result.shortName() + (params.isEmpty() ? "" : " " + String.join(",", params));
    }
}
