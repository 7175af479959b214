package dev.loopbench.report;

import io.vertx.core.json.JsonArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency's percentile spectrum, the way HdrHistogram's own plots show it: latency against
 * percentile, the percentile drawn as {@code 1/(1-q)} on a log axis, so that 90%, 99% and 99.9%
 * are equally far apart and the tail, where a blocked event loop shows, gets most of the width.
 */
final class Spectrum {

    /** HdrHistogram's default for its percentile distributions: 5 steps per halving of the distance to 100%. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private Spectrum() {}

    /**
     * {@code [[percentile, ms], ...]}, percentile from 0 to below 100. The 100% point is left out,
     * since 1/(1-q) is infinite there; the table's max shows it.
     */
    static JsonArray of(Histogram nanos) {
        JsonArray points = new JsonArray();
        if (nanos.getTotalCount() == 0) {
            return points;
        }
        double last = -1;
        for (HistogramIterationValue value : nanos.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100 || percentile <= last) {
                continue;
            }
            last = percentile;
            points.add(new JsonArray()
                    .add(percentile)
                    .add(nanos.highestEquivalentValue(value.getValueIteratedTo()) / 1e6));
        }
        return points;
    }
}
