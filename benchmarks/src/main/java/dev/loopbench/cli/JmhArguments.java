package dev.loopbench.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JMH arguments a user passes through after {@code --}. The benchmark's own parameters are
 * taken out: JMH joins repeated {@code -p name=...} instead of replacing them, so the matrix
 * applies them itself. Everything else goes to JMH as given.
 */
record JmhArguments(Map<String, List<String>> params, List<String> passThrough, Set<String> settingsGiven) {

    static final Set<String> MATRIX_PARAMS = Set.of("handler", "concurrency", "delayMs", "eventLoops", "target");
    static final Set<String> SETTINGS = Set.of("-wi", "-w", "-i", "-r", "-f");
    private static final String JSON_ONLY =
            " cannot be passed: results are always written as JSON to results/<timestamp>/results.json";
    private static final String MS_PER_OP_ONLY =
            " cannot be passed: the summary, the model and the charts read average time in"
                    + " ms/op; for other modes run the JMH jar itself (java -jar benchmarks/target/benchmarks.jar)";
    static final Map<String, String> REFUSED =
            Map.of("-rf", JSON_ONLY, "-rff", JSON_ONLY, "-bm", MS_PER_OP_ONLY, "-tu", MS_PER_OP_ONLY);

    static JmhArguments parse(List<String> args) throws UsageError {
        Map<String, List<String>> params = new LinkedHashMap<>();
        List<String> passThrough = new ArrayList<>();
        Set<String> settings = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (REFUSED.containsKey(arg)) {
                throw new UsageError(arg + REFUSED.get(arg));
            }
            if (arg.equals("-p") && i + 1 < args.size()) {
                String param = args.get(++i);
                int equals = param.indexOf('=');
                if (equals < 1) {
                    throw new UsageError("-p needs name=value[,value...], got '" + param + "'");
                }
                String name = param.substring(0, equals);
                if (MATRIX_PARAMS.contains(name)) {
                    List<String> values = Arrays.stream(
                                    param.substring(equals + 1).split(","))
                            .map(String::strip)
                            .filter(value -> !value.isEmpty() || name.equals("target"))
                            .toList();
                    params.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values);
                    continue;
                }
                passThrough.add(arg);
                passThrough.add(param);
                continue;
            }
            if (SETTINGS.contains(arg)) {
                settings.add(arg);
            }
            passThrough.add(arg);
        }
        return new JmhArguments(params, passThrough, settings);
    }

    Optional<List<String>> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    List<Integer> intParam(String name, List<Integer> fallback) throws UsageError {
        Optional<List<String>> values = param(name);
        if (values.isEmpty()) {
            return fallback;
        }
        List<Integer> numbers = new ArrayList<>();
        for (String value : values.get()) {
            try {
                numbers.add(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new UsageError("-p " + name + " takes whole numbers, got '" + value + "'");
            }
        }
        return numbers;
    }

    /** The value of a setting the user gave, e.g. {@code -i 3}, for the plan's estimate. */
    Optional<String> setting(String flag) {
        int at = passThrough.indexOf(flag);
        return at >= 0 && at + 1 < passThrough.size() ? Optional.of(passThrough.get(at + 1)) : Optional.empty();
    }
}
