package dev.loopbench.matrix;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The matrix {@code run-benchmarks.sh} runs: which handlers at which concurrency, and for how
 * long. The default shows the staircase of every blocking handler up to N = 64 (3.2 s a wave
 * on two event loops) and the flat line of the non-blocking ones up to N = 1000.
 */
public record Matrix(List<Family> families) {

    public static final int DELAY_MS = 100;
    public static final int EVENT_LOOPS = 2;

    /** Bounded lanes that wait: the staircases. */
    static final List<String> BLOCKING = paths(style -> !style.computes() && isBounded(style));

    /** Unbounded lanes: flat at D for any N. */
    static final List<String> NON_BLOCKING = paths(style -> !isBounded(style));

    /** CPU time instead of a wait: their lanes stop at the cores, C = 2 here, however many threads. */
    static final List<String> COMPUTE = paths(HandlerStyle::computes);

    /**
     * The benchmark's own iterations and fork. A blocking wave of at most 64 requests is its sleeps,
     * not request handling, so two warm-up iterations warm what it needs of the JIT.
     */
    static final JmhSettings STANDARD_BLOCKING = JmhSettings.ANNOTATED;

    /**
     * The non-blocking handlers get a longer warm-up: a wave of 1000 is mostly request handling,
     * and on 2 cores the JIT competes with it for some 20 s (N = 1000 timer waves in 2 s
     * iterations: 266, 185, 148, 127, 162, 130, 122, 148, 136, 126 ms, then 118 to 127 ms). A
     * cell of fewer requests a wave gets its share of it ({@link JmhSettings#forCell}).
     */
    static final JmhSettings STANDARD_NON_BLOCKING = JmhSettings.ANNOTATED.withWarmupIterations(10);

    /**
     * The benchmark's own five measured iterations: with three, JMH's 99.9% interval multiplies
     * the iterations' spread by Student's t of 31.6 against 8.6 for five, and a compute cell's
     * spread is the machine's (its waves take whatever CPU the other processes leave).
     */
    static final JmhSettings STANDARD_COMPUTE = JmhSettings.ANNOTATED;

    /**
     * For a first look and for CI: six measured iterations of 200 ms (two 100 ms waves each) rather
     * than three of 1 s, in a fifth of the time and with Student's t at 99.9% of 6.9 rather than
     * 31.6. From a fresh clone, 400 ms iterations took the run to 168 and 171 s, over its 150.
     */
    static final JmhSettings QUICK = JmhSettings.ANNOTATED
            .withWarmupIterations(1)
            .withWarmupMillis(500)
            .withMeasurementIterations(6)
            .withMeasurementMillis(200);

    static final JmhSettings QUICK_BLOCKING = QUICK;
    static final JmhSettings QUICK_NON_BLOCKING = QUICK.withWarmupIterations(3).withWarmupMillis(1000);

    /**
     * The zero-delay control: {@code timer} at {@code ms=0} costs what sending, parsing and
     * answering N requests costs, T0(N), and nothing else. A wave of it is about a quarter of a
     * 100 ms wave at N = 1000, so 5 s of warm-up in 1 s iterations sends as many requests as the
     * non-blocking handlers' 20 s: the JIT counts requests, not seconds.
     *
     * <p>It runs without bystanders ({@link Family#sendsBystanders}): its wave is all CPU on the
     * cores they share, and the one bystander or so that falls in a wave of a few ms costs it some
     * 50 us, alone on its connection (at most one every 10 ms on each of four: 1.02 to 1.03 x the
     * wave without at N = 256, 1.03 to 1.06 x at N = 1000; one every 160 ms, 1.01 and 1.00 x;
     * measured 2026-12-04). Beside a wave that waits D they cost nothing measurable, and
     * {@code harness} measures both.
     */
    public static final String CONTROL = "control";

    public static final JmhSettings STANDARD_CONTROL =
            JmhSettings.ANNOTATED.withWarmupIterations(5).withWarmupMillis(1000).withMeasurementMillis(1000);

    /**
     * The same 5 s of warm-up as the default run's control at N = 1000 (N = 1000 waves of it in
     * 1 s warm-ups: 51, 33, 30, 14, 11 ms, then 11.4 to 11.5), in half-second iterations so that
     * the small N's share of it is half a second: with 2 s, T0 at N = 1000 came out
     * 55 ms (+- 231) against 19 ms, and the corrected model overshot every N = 1000 cell.
     */
    public static final JmhSettings QUICK_CONTROL =
            QUICK.withWarmupIterations(10).withWarmupMillis(500);

    public Matrix {
        families = List.copyOf(families);
    }

    /**
     * The families come from what {@link HandlerStyle} knows, in its order, so that a new style
     * lands in one of them. Whether lanes are bounded does not depend on the pool sizes.
     */
    private static List<String> paths(Predicate<HandlerStyle> family) {
        return Arrays.stream(HandlerStyle.values())
                .filter(family)
                .map(HandlerStyle::path)
                .toList();
    }

    private static boolean isBounded(HandlerStyle style) {
        return style.lanes(ServerShape.withDefaultPools(EVENT_LOOPS)).isBounded();
    }

    /**
     * This matrix and its control: {@code timer} at {@code delayMs = 0} for every concurrency
     * level and event-loop count of the other families, except where one of them already has it.
     */
    public Matrix withControl(JmhSettings settings) {
        Set<Integer> levels = new TreeSet<>();
        Set<Integer> eventLoops = new TreeSet<>();
        Set<Integer> measured = new TreeSet<>();
        for (Family family : families) {
            if (family.name().equals(CONTROL)) {
                continue;
            }
            levels.addAll(family.concurrency());
            eventLoops.addAll(family.eventLoops());
            if (family.handlers().contains(HandlerStyle.TIMER.path())
                    && family.delays().contains(0)) {
                measured.addAll(family.concurrency());
            }
        }
        levels.removeAll(measured);
        List<Family> withControl = new ArrayList<>(families.stream()
                .filter(family -> !family.name().equals(CONTROL))
                .toList());
        Family control = new Family(
                CONTROL,
                List.of(HandlerStyle.TIMER.path()),
                List.copyOf(levels),
                List.of(0),
                List.copyOf(eventLoops),
                settings);
        if (!control.isEmpty()) {
            withControl.add(control);
        }
        return new Matrix(withControl);
    }

    public static Matrix standard() {
        return new Matrix(List.of(
                new Family(
                        "blocking",
                        BLOCKING,
                        List.of(1, 4, 16, 64),
                        List.of(DELAY_MS),
                        List.of(EVENT_LOOPS),
                        STANDARD_BLOCKING),
                new Family(
                        "non-blocking",
                        NON_BLOCKING,
                        List.of(1, 16, 64, 256, 1000),
                        List.of(DELAY_MS),
                        List.of(EVENT_LOOPS),
                        STANDARD_NON_BLOCKING),
                new Family(
                        "compute",
                        COMPUTE,
                        List.of(1, 4, 16),
                        List.of(DELAY_MS),
                        List.of(EVENT_LOOPS),
                        STANDARD_COMPUTE)));
    }

    /** The same shape, fewer levels and shorter iterations: for a first look and for CI. */
    public static Matrix quick() {
        return new Matrix(List.of(
                new Family(
                        "blocking", BLOCKING, List.of(1, 16), List.of(DELAY_MS), List.of(EVENT_LOOPS), QUICK_BLOCKING),
                // N = 1 takes D in every handler, and the blocking family already shows it: here the flat line's end
                new Family(
                        "non-blocking",
                        NON_BLOCKING,
                        List.of(1000),
                        List.of(DELAY_MS),
                        List.of(EVENT_LOOPS),
                        QUICK_NON_BLOCKING),
                // N = 16 on 2 cores: eight rounds of D, where 20 workers would promise one; and the
                // blocking family's level, so that the control needs no cell more
                new Family("compute", COMPUTE, List.of(16), List.of(DELAY_MS), List.of(EVENT_LOOPS), QUICK_BLOCKING)));
    }

    /**
     * Each cell's settings fitted to its wave and its N ({@link JmhSettings#forCell}), {@code waveMillis}
     * the model's wave time of a cell (NaN when unknown). A family whose cells come out
     * differently is split, one JMH run per set of settings: JMH gives every cell of a run the same.
     */
    public Matrix withEnoughWaves(ToDoubleFunction<Cell> waveMillis) {
        return withEnoughWaves(waveMillis, JmhSettings.MIN_WAVES);
    }

    /** @param minWaves the fewest measured waves of a cell ({@link JmhSettings#forCell}) */
    public Matrix withEnoughWaves(ToDoubleFunction<Cell> waveMillis, int minWaves) {
        List<Family> planned = new ArrayList<>();
        for (Family family : families) {
            Map<JmhSettings, List<Cell>> bySettings = new LinkedHashMap<>();
            for (Cell cell : family.cellList()) {
                bySettings
                        .computeIfAbsent(
                                family.settings().forCell(waveMillis.applyAsDouble(cell), cell.concurrency(), minWaves),
                                s -> new ArrayList<>())
                        .add(cell);
            }
            if (bySettings.size() == 1) {
                planned.add(family.withSettings(bySettings.keySet().iterator().next()));
                continue;
            }
            bySettings.forEach((settings, cells) -> planned.addAll(rectangles(family.name(), cells, settings)));
        }
        return new Matrix(planned);
    }

    /** Cells as families (handlers x levels), each handler's levels kept together; one delay and E each. */
    private static List<Family> rectangles(String name, List<Cell> cells, JmhSettings settings) {
        Map<List<Object>, List<Integer>> levels = new LinkedHashMap<>();
        for (Cell cell : cells) {
            levels.computeIfAbsent(List.of(cell.handler(), cell.delayMs(), cell.eventLoops()), key -> new ArrayList<>())
                    .add(cell.concurrency());
        }
        Map<List<Object>, List<String>> handlers = new LinkedHashMap<>();
        levels.forEach((key, concurrency) -> handlers.computeIfAbsent(
                        List.of(concurrency, key.get(1), key.get(2)), k -> new ArrayList<>())
                .add((String) key.get(0)));
        List<Family> families = new ArrayList<>();
        handlers.forEach((key, names) -> {
            @SuppressWarnings("unchecked")
            List<Integer> concurrency = (List<Integer>) key.get(0);
            families.add(new Family(
                    name, names, concurrency, List.of((Integer) key.get(1)), List.of((Integer) key.get(2)), settings));
        });
        return families;
    }

    public Matrix withoutHandlers(Predicate<String> dropped) {
        List<Family> kept = new ArrayList<>();
        for (Family family : families) {
            Family remaining = family.withHandlers(
                    family.handlers().stream().filter(dropped.negate()).toList());
            if (!remaining.isEmpty()) {
                kept.add(remaining);
            }
        }
        return new Matrix(kept);
    }

    public Matrix withFamilies(List<Family> newFamilies) {
        return new Matrix(newFamilies);
    }

    public int cells() {
        return families.stream().mapToInt(Family::cells).sum();
    }
}
