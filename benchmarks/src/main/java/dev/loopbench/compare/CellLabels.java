package dev.loopbench.compare;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.matrix.Cell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Short names for cells: only what differs between them (a parameter that is the same
 * everywhere says nothing), so that a table of 26 cells stays readable.
 */
public final class CellLabels {

    private CellLabels() {}

    public static Map<JmhResult, String> of(List<JmhResult> results) {
        Set<String> benchmarks =
                results.stream().map(r -> r.benchmark() + " " + r.mode()).collect(Collectors.toSet());
        Set<String> varying = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        results.forEach(result -> names.addAll(result.params().keySet()));
        for (String name : names) {
            if (results.stream()
                            .map(result -> String.valueOf(result.param(name)))
                            .distinct()
                            .count()
                    > 1) {
                varying.add(name);
            }
        }
        List<String> order = new ArrayList<>(varying);
        order.sort(Cell.PARAM_ORDER); // loopbench's cells read best as "handler, N"

        Map<JmhResult, String> labels = new LinkedHashMap<>();
        for (JmhResult result : results) {
            List<String> parts = new ArrayList<>();
            if (benchmarks.size() > 1 || varying.isEmpty()) {
                parts.add(result.shortName() + (benchmarks.size() > 1 ? " " + result.mode() : ""));
            }
            for (String name : order) {
                parts.add(name.equals("handler") ? result.param(name) : shortName(name) + "=" + result.param(name));
            }
            labels.put(result, String.join(" ", parts));
        }
        return labels;
    }

    private static String shortName(String param) {
        return switch (param) {
            case "concurrency" -> "N";
            case "delayMs" -> "D";
            case "eventLoops" -> "E";
            default -> param;
        };
    }
}
