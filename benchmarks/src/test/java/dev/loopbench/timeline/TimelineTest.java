package dev.loopbench.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.targets.InProcessTarget;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A tiny wave, N = 4 of D = 50 ms on one event loop, recorded request by request. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A recorded timeline")
class TimelineTest {

    private static final int N = 4;
    private static final int D = 50;

    private InProcessTarget server;
    private WaveTrace sleep;
    private WaveTrace timer;

    @BeforeAll
    void record() throws Exception {
        server = InProcessTarget.start(1);
        sleep = TimelineRecorder.record(server, "event-loop-sleep", N, D, Optional.of("health"));
        timer = TimelineRecorder.record(server, "timer", N, D, Optional.of("health"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("shows event-loop sleep's waits starting one after another, about D apart")
    void eventLoopSleepIsAStaircase() {
        List<RequestTrace> rows = sleep.byStart();
        assertEquals(N, rows.size(), describe(sleep));
        for (int i = 1; i < rows.size(); i++) {
            double gap = rows.get(i).started() - rows.get(i - 1).started();
            assertTrue(
                    gap >= 0.95 * D && gap <= 1.5 * D,
                    "consecutive starts should be about D = " + D + " ms apart, got " + gap + " ms: "
                            + describe(sleep));
        }
    }

    /**
     * Load decides when a bystander is sent and in which order the loop reads it beside the wave's
     * requests, so the test asks only what the loop makes certain: a bystander sent while a sleep
     * runs cannot be answered before that sleep ends; one sent every D / 2 cannot slip between
     * four back-to-back sleeps without waiting behind one; and beside a timer none waits a D.
     */
    @Test
    @DisplayName("shows bystanders on the only loop waiting behind the sleeps, and beside a timer never a D")
    void bystandersWaitBehindTheSleepers() {
        String context = "sleep: " + sleep.bystanders() + " during " + describe(sleep) + "; timer: "
                + timer.bystanders() + " during " + describe(timer);
        for (BystanderTrace bystander : sleep.bystanders()) {
            runningAt(sleep, bystander.sent())
                    .ifPresent(sleeping -> assertTrue(
                            bystander.answered() >= sleeping.finished(),
                            bystander + " was answered before the sleep it was sent during, " + sleeping + ", ended: "
                                    + context));
        }
        assertTrue(
                sleep.bystanders().stream()
                        .anyMatch(
                                bystander -> runningAt(sleep, bystander.sent()).isPresent()
                                        || sleep.requests().stream()
                                                .anyMatch(r -> bystander.sent() <= r.started()
                                                        && bystander.answered() >= r.finished())),
                "a bystander waited behind a sleep, sent during one or in flight across a whole one: " + context);
        for (BystanderTrace bystander : timer.bystanders()) {
            assertTrue(
                    bystander.answered() - bystander.sent() < D,
                    "beside a timer the loop is free, yet " + bystander + " waited a D: " + context);
        }
        assertFalse(timer.bystanders().isEmpty(), "bystanders beside the timer: " + context);
        assertTrue(TextTimeline.render(List.of(sleep), "", 80).contains("  b1 |"), "drawn as rows of their own");
    }

    /** The request whose wait was running at {@code time} (1 ms from either end), on the wave's one clock. */
    private static Optional<RequestTrace> runningAt(WaveTrace wave, double time) {
        return wave.requests().stream()
                .filter(r -> time > r.started() + 1 && time < r.finished() - 1)
                .findFirst();
    }

    @Test
    @DisplayName("shows the timer's waits all starting together, within a fraction of D")
    void timerIsAColumn() {
        List<RequestTrace> rows = timer.byStart();
        double spread = rows.get(rows.size() - 1).started() - rows.get(0).started();
        assertTrue(
                spread <= 0.3 * D,
                "all " + N + " timers should start within " + 0.3 * D + " ms, spread " + spread + " ms: "
                        + describe(timer));
    }

    @Test
    @DisplayName("keeps client and server on one clock in-process: sent <= received <= started <= finished <= answered")
    void timesAreOrdered() {
        for (WaveTrace wave : List.of(sleep, timer)) {
            assertTrue(wave.sameClock(), describe(wave));
            for (RequestTrace r : wave.requests()) {
                assertTrue(
                        r.sent() <= r.received()
                                && r.received() <= r.started()
                                && r.started() <= r.finished()
                                && r.finished() <= r.answered(),
                        "out of order: " + r + " in " + describe(wave));
            }
        }
    }

    @Test
    @DisplayName("prints as text that fits 80 columns: a staircase for the sleep, a column for the timer")
    void textFitsEightyColumns() {
        String text = TextTimeline.render(
                List.of(sleep, timer),
                "Timeline: a test header that is long enough to"
                        + " need wrapping at eighty columns, as the real one does on a narrow terminal.",
                TextTimeline.FILE_WIDTH);
        text.lines().forEach(line -> assertTrue(line.length() <= 80, "longer than 80: '" + line + "'\n" + text));
        assertTrue(text.contains("event-loop-sleep: model 200 ms") && text.contains("timer: model 50 ms"), text);
        List<String> sleepRows = text.lines()
                .dropWhile(line -> !line.startsWith("event-loop-sleep"))
                .filter(line -> line.contains("|"))
                .limit(N)
                .toList();
        List<String> timerRows = text.lines()
                .dropWhile(line -> !line.startsWith("timer"))
                .filter(line -> line.contains("|"))
                .limit(N)
                .toList();
        assertTrue(
                firstWaitColumn(sleepRows.get(N - 1)) > firstWaitColumn(sleepRows.get(0)) + 20,
                "the last sleep should start well right of the first:\n" + text);
        int firstTimer = firstWaitColumn(timerRows.get(0));
        timerRows.forEach(row -> assertTrue(
                Math.abs(firstWaitColumn(row) - firstTimer) <= 2, "the timers should start in one column:\n" + text));
    }

    /** Where the wait begins in a row's bar (the row's label, "#3", also has a '#'). */
    private static int firstWaitColumn(String row) {
        return row.indexOf(TextTimeline.WAITING, row.indexOf('|'));
    }

    private static String describe(WaveTrace wave) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%s N=%d D=%d (%s), requests:",
                wave.handler(),
                wave.concurrency(),
                wave.delayMs(),
                wave.serverShape()));
        wave.byStart()
                .forEach(r -> out.append(String.format(
                        Locale.ROOT,
                        "%n  #%d sent %.1f received %.1f started %.1f finished %.1f answered %.1f on %s",
                        r.index(),
                        r.sent(),
                        r.received(),
                        r.started(),
                        r.finished(),
                        r.answered(),
                        r.thread())));
        return out.toString();
    }
}
