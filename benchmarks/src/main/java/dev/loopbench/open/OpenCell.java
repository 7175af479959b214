package dev.loopbench.open;

import dev.loopbench.model.SaturationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One (handler, rate) of an open run, measured: every figure the table, open.json and the charts
 * show. Latencies in milliseconds, from each request's scheduled send time.
 *
 * @param lambdaMax   the model's saturation rate; +Infinity: unbounded; NaN: lanes unknown
 * @param scheduleSeconds warm-up and measured time: how long the queue beyond the knee grew
 * @param sentRate    measured requests over the time from the first to the last one sent
 * @param achievedRate 2xx answers that arrived within the measured window, over its length
 * @param latencyNanos every measured request, answered, failed or timed out
 * @param intervals    {@code latencyNanos} split by the second of the schedule the request was due in
 */
record OpenCell(
        String handler,
        int delayMs,
        double offeredRate,
        double lambdaMax,
        double scheduleSeconds,
        double sentRate,
        double achievedRate,
        long requests,
        long errors,
        long timeouts,
        long unsent,
        long queuedInClient,
        String firstError,
        double lagP99Millis,
        double lagMaxMillis,
        int connectionsOpened,
        int maxConnections,
        long peakInFlight,
        long measuredStartEpochMillis,
        Histogram latencyNanos,
        List<Histogram> intervals) {

    /**
     * A p99 lag above this means the rate was not offered as scheduled. Vert.x timers count whole
     * milliseconds, so a sender on time goes out within about 1 ms (p99 1 to 2 ms on this 2-core
     * box when it is quiet); 10 ms is a tenth of the default D.
     */
    static final double LAG_LIMIT_MILLIS = 10;

    static OpenCell of(String handler, int delayMs, double lambdaMax, OpenLoad.Result result) {
        LoadTally tally = result.tally();
        double sendSpanSeconds = (tally.lastSendNanos - tally.firstSendNanos) / 1e9;
        List<Histogram> intervals = new ArrayList<>();
        for (int i = 0; i < tally.intervals.length; i++) {
            Histogram interval = tally.intervals[i];
            interval.setStartTimeStamp(result.measuredStartEpochMillis() + i * 1000L);
            interval.setEndTimeStamp(result.measuredStartEpochMillis() + (i + 1) * 1000L);
            intervals.add(interval);
        }
        return new OpenCell(
                handler,
                delayMs,
                result.settings().ratePerSecond(),
                lambdaMax,
                result.settings().scheduleNanos() / 1e9,
                tally.scheduled > 1 && sendSpanSeconds > 0 ? (tally.scheduled - 1) / sendSpanSeconds : Double.NaN,
                tally.answeredInWindow / result.measuredSeconds(),
                tally.scheduled,
                tally.errors,
                tally.timeouts,
                tally.unsent,
                tally.queuedInClient,
                tally.firstError,
                tally.lagNanos.getValueAtPercentile(99) / 1e6,
                tally.lagNanos.getMaxValue() / 1e6,
                result.connectionsOpened(),
                result.settings().maxConnections(),
                tally.peakInFlight,
                result.measuredStartEpochMillis(),
                tally.latencyNanos,
                List.copyOf(intervals));
    }

    double percentileMillis(double percentile) {
        return latencyNanos.getTotalCount() == 0 ? Double.NaN : latencyNanos.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return latencyNanos.getTotalCount() == 0 ? Double.NaN : latencyNanos.getMaxValue() / 1e6;
    }

    /**
     * The percentile spectrum, as HdrHistogram's log processor prints it: (percentile, latency ms)
     * pairs, five steps per halving of the distance to 100%, up to the last percentile these
     * requests can tell apart: with n requests, 1 / (1 - p) at most n.
     */
    List<double[]> spectrum() {
        List<double[]> points = new ArrayList<>();
        long count = latencyNanos.getTotalCount();
        for (HistogramIterationValue value : latencyNanos.percentiles(5)) {
            double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100 || 1 / (1 - percentile / 100) > count) {
                break;
            }
            points.add(
                    new double[] {percentile, latencyNanos.highestEquivalentValue(value.getValueIteratedTo()) / 1e6});
        }
        if (count > 0) {
            points.add(new double[] {100 * (1 - 1.0 / count), maxMillis()});
        }
        return points;
    }

    /** {@code event-loop-sleep-D100-R22}: the cell's files are named so. */
    String fileName() {
        return (handler + "-D" + delayMs + "-R" + OpenTable.number(offeredRate)).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The model's latency for the last request of the schedule: see {@link SaturationModel#maxLatencyMillis}. */
    double modelMaxMillis() {
        return SaturationModel.maxLatencyMillis(offeredRate, lambdaMax, delayMs, scheduleSeconds);
    }

    String beyondLambdaMax() {
        return beyond(offeredRate, lambdaMax);
    }

    /** "yes", "no", or "?" when the lanes are unknown. */
    static String beyond(double rate, double lambdaMax) {
        return Double.isNaN(lambdaMax) ? "?" : SaturationModel.saturates(rate, lambdaMax) ? "yes" : "no";
    }

    /** The harness did not keep to its schedule: the rate asked for is not the rate the server got. */
    boolean fellBehind() {
        return lagP99Millis > LAG_LIMIT_MILLIS || unsent > 0 || queuedInClient > 0;
    }

    /** What went wrong with the cell, one line each; empty when nothing did. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (lagP99Millis > LAG_LIMIT_MILLIS || unsent > 0) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "the harness fell behind its schedule by %.0f ms (p99 %.1f ms%s): the rate was not offered",
                    lagMaxMillis,
                    lagP99Millis,
                    unsent > 0 ? ", " + unsent + " requests never sent" : ""));
        }
        if (queuedInClient > 0) {
            warnings.add(queuedInClient + " requests waited in the client: all " + maxConnections
                    + " connections it may open were busy, so the rate was not offered");
        }
        if (errors > 0) {
            warnings.add(errors + " errors; the first: " + firstError);
        }
        if (timeouts > 0) {
            warnings.add(timeouts + " requests had no answer by the deadline; each is in the histogram at its time"
                    + " until then, and the next cell may meet what the server still has queued");
        }
        return warnings;
    }
}
