package dev.loopbench.cli;

import dev.loopbench.benchmarks.ConcurrentRequestsBenchmark;
import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.JmhSettings;
import dev.loopbench.matrix.Matrix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH arguments a user passes after {@code --}, checked by JMH's own parser so that a bad
 * value is a usage error before anything runs, never a silent default. The benchmark's own
 * parameters are taken out of what goes to JMH, since JMH joins repeated {@code -p name=...}
 * instead of replacing them: the matrix applies them itself. Everything else goes to JMH as given.
 */
final class JmhArguments {

    private static final String JSON_ONLY =
            " cannot be passed: results are always written as JSON to results/<timestamp>/results.json";
    private static final String MS_PER_OP_ONLY =
            " cannot be passed: the summary, the model and the charts read average time in"
                    + " ms/op; for other modes run the JMH jar itself (java -jar benchmarks/target/benchmarks.jar)";
    static final Map<String, String> REFUSED =
            Map.of("-rf", JSON_ONLY, "-rff", JSON_ONLY, "-bm", MS_PER_OP_ONLY, "-tu", MS_PER_OP_ONLY);

    /** The settings the matrix has too; a user's value replaces the matrix's. */
    private static final Map<String, Function<CommandLineOptions, org.openjdk.jmh.util.Optional<?>>> SETTINGS = Map.of(
            "-wi", CommandLineOptions::getWarmupIterations,
            "-w", CommandLineOptions::getWarmupTime,
            "-i", CommandLineOptions::getMeasurementIterations,
            "-r", CommandLineOptions::getMeasurementTime,
            "-f", CommandLineOptions::getForkCount);

    private final CommandLineOptions parsed;
    private final List<String> passThrough;

    private JmhArguments(CommandLineOptions parsed, List<String> passThrough) {
        this.parsed = parsed;
        this.passThrough = List.copyOf(passThrough);
    }

    static JmhArguments parse(List<String> args) throws UsageError {
        for (String arg : args) {
            if (REFUSED.containsKey(arg)) {
                throw new UsageError(arg + REFUSED.get(arg));
            }
        }
        CommandLineOptions parsed;
        try {
            parsed = new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new UsageError("JMH cannot use the arguments after --: " + e.getMessage());
        }
        List<String> passThrough = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-p") && i + 1 < args.size() && isMatrixParam(args.get(i + 1))) {
                i++;
            } else {
                passThrough.add(args.get(i));
            }
        }
        return new JmhArguments(parsed, passThrough);
    }

    private static boolean isMatrixParam(String nameAndValues) {
        int equals = nameAndValues.indexOf('=');
        return equals > 0 && ConcurrentRequestsBenchmark.PARAMS.contains(nameAndValues.substring(0, equals));
    }

    /** What goes to JMH as the user gave it. */
    List<String> passThrough() {
        return passThrough;
    }

    /** The values of {@code -p name=...}, all of them when it was given several times. */
    Optional<List<String>> param(String name) {
        org.openjdk.jmh.util.Optional<Collection<String>> values = parsed.getParameter(name);
        return values.hasValue()
                ? Optional.of(values.get().stream().map(String::strip).toList())
                : Optional.empty();
    }

    /** Whether the user gave one of the settings the matrix has, such as {@code -i}. */
    boolean gives(String setting) {
        return SETTINGS.get(setting).apply(parsed).hasValue();
    }

    /** The matrix's settings with the user's {@code -wi -w -i -r -f} in their place, for the plan's estimate. */
    JmhSettings settings(JmhSettings matrix) {
        return new JmhSettings(
                parsed.getWarmupIterations().orElse(matrix.warmupIterations()),
                millis(parsed.getWarmupTime()).orElse(matrix.warmupMillis()),
                parsed.getMeasurementIterations().orElse(matrix.measurementIterations()),
                millis(parsed.getMeasurementTime()).orElse(matrix.measurementMillis()),
                parsed.getForkCount().orElse(matrix.forks()));
    }

    /**
     * The user's {@code -p} values replace the matrix's: concurrency, delay and event loops in
     * every family (each keeps its own warm-up); a handler list picks handlers, each staying in
     * its family.
     */
    Matrix applyTo(Matrix matrix) throws UsageError {
        List<Family> families = new ArrayList<>();
        for (Family family : matrix.families()) {
            families.add(new Family(
                    family.name(),
                    family.handlers(),
                    intParam("concurrency", family.concurrency()),
                    intParam("delayMs", family.delays()),
                    intParam("eventLoops", family.eventLoops()),
                    family.settings()));
        }
        Optional<List<String>> handlers = param("handler");
        if (handlers.isEmpty()) {
            return matrix.withFamilies(families);
        }
        List<Family> picked = new ArrayList<>();
        List<String> unplaced = new ArrayList<>(handlers.get());
        for (Family family : families) {
            List<String> kept =
                    family.handlers().stream().filter(handlers.get()::contains).toList();
            unplaced.removeAll(kept);
            picked.add(family.withHandlers(kept));
        }
        // handlers of the user's own service go with the blocking levels: no guess that they scale to 1000
        List<String> first = new ArrayList<>(picked.get(0).handlers());
        first.addAll(unplaced);
        picked.set(0, picked.get(0).withHandlers(first));
        return matrix.withFamilies(
                picked.stream().filter(family -> !family.isEmpty()).toList());
    }

    private List<Integer> intParam(String name, List<Integer> fallback) throws UsageError {
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

    /** Milliseconds for the estimate, at least one: JMH ends an iteration after its time, never before. */
    private static org.openjdk.jmh.util.Optional<Integer> millis(org.openjdk.jmh.util.Optional<TimeValue> time) {
        if (!time.hasValue()) {
            return org.openjdk.jmh.util.Optional.none();
        }
        long millis = time.get().convertTo(TimeUnit.MILLISECONDS);
        return org.openjdk.jmh.util.Optional.of((int) Math.max(1, Math.min(Integer.MAX_VALUE, millis)));
    }
}
