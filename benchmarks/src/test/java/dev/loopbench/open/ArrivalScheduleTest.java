package dev.loopbench.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An arrival schedule")
class ArrivalScheduleTest {

    @Test
    @DisplayName("constant: the senders' schedules together are one request every 1 / R, to the nanosecond")
    void constantUnion() {
        int senders = 3;
        double rate = 700;
        List<Long> union = new ArrayList<>();
        for (int k = 0; k < senders; k++) {
            ArrivalSchedule schedule = ArrivalSchedule.of(rate, k, senders, false, 0);
            for (int j = 0; j < 1000; j++) {
                union.add(schedule.takeNanos());
            }
        }
        union.sort(Long::compare);
        for (int i = 0; i < union.size(); i++) {
            double expected = i * 1e9 / rate;
            assertEquals(expected, union.get(i), 1.0, "request " + i + " of " + senders + " senders at " + rate + "/s");
        }
    }

    @Test
    @DisplayName("constant: a sender's last request of an hour at 10 000/s is still on time")
    void constantDoesNotDrift() {
        ArrivalSchedule schedule = ArrivalSchedule.of(10_000, 1, 2, false, 0);
        long due = 0;
        int requests = 18_000_000; // an hour at 5 000/s, this sender's half
        for (int i = 0; i < requests; i++) {
            due = schedule.takeNanos();
        }
        double expected = (2.0 * (requests - 1) + 1) * 1e9 / 10_000;
        assertEquals(expected, due, 1.0, "the last request, due at " + expected + " ns");
    }

    @Test
    @DisplayName("Poisson: mean gap 1 / R and the spread of an exponential, over 2 senders and 20 000 requests")
    void poissonGaps() {
        double rate = 500;
        long[] union = new long[20_000];
        for (int k = 0; k < 2; k++) {
            ArrivalSchedule schedule = ArrivalSchedule.of(rate, k, 2, true, 42);
            for (int j = 0; j < 10_000; j++) {
                union[k * 10_000 + j] = schedule.takeNanos();
            }
        }
        Arrays.sort(union);
        double[] gaps = new double[union.length - 1];
        for (int i = 1; i < union.length; i++) {
            gaps[i - 1] = union[i] - union[i - 1];
        }
        double mean = Arrays.stream(gaps).average().orElseThrow();
        double sd =
                Math.sqrt(Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / gaps.length);
        double expected = 1e9 / rate;
        // 20 000 exponential gaps: the mean's standard error is 0.7%, so 3% is over 4 of them
        String context = "mean gap " + mean + " ns, standard deviation " + sd + " ns, expected " + expected;
        assertEquals(expected, mean, expected * 0.03, context);
        assertEquals(expected, sd, expected * 0.05, "an exponential's spread equals its mean: " + context);
    }

    @Test
    @DisplayName("Poisson: the same seed gives the same schedule, another seed another")
    void poissonSeeded() {
        assertEquals(firstTen(42), firstTen(42));
        assertNotEquals(firstTen(42), firstTen(43));
        assertTrue(firstTen(42).get(0) > 0, "the first gap is drawn too, not 0: " + firstTen(42));
    }

    private static List<Long> firstTen(long seed) {
        ArrivalSchedule schedule = ArrivalSchedule.of(100, 0, 2, true, seed);
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            due.add(schedule.takeNanos());
        }
        return due;
    }
}
