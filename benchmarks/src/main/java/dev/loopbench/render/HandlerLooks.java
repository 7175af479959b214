package dev.loopbench.render;

import dev.loopbench.model.HandlerStyle;

/**
 * Each handler's {@link Look}, the same in every chart. The switch has no default, so a handler
 * added to {@link HandlerStyle} does not compile until it is given a look of its own.
 */
public final class HandlerLooks {

    private HandlerLooks() {}

    public static Look of(HandlerStyle style) {
        return switch (style) {
            case EVENT_LOOP_SLEEP -> new Look("#d62728", Look.Marker.CIRCLE, 15, 7f, 'E');
            case EXECUTE_BLOCKING_ORDERED -> new Look("#ff7f0e", Look.Marker.SQUARE, 10, 4f, 'O');
            case EXECUTE_BLOCKING_UNORDERED -> new Look("#9467bd", Look.Marker.TRIANGLE_UP, 11, 3f, 'U');
            case TIMER -> new Look("#2ca02c", Look.Marker.CIRCLE, 13, 6f, 'T');
            case VIRTUAL_THREAD_SLEEP -> new Look("#8c564b", Look.Marker.DIAMOND, 7, 1.8f, 'S');
            case VIRTUAL_THREAD_AWAIT -> new Look("#1f77b4", Look.Marker.DIAMOND, 7, 1.8f, 'A');
            case EVENT_LOOP_COMPUTE -> new Look("#e377c2", Look.Marker.SQUARE, 12, 5f, 'e');
            case EXECUTE_BLOCKING_COMPUTE -> new Look("#bcbd22", Look.Marker.TRIANGLE_UP, 9, 2.5f, 'u');
            case VIRTUAL_THREAD_COMPUTE -> new Look("#17becf", Look.Marker.DIAMOND, 7, 1.8f, 'v');
        };
    }
}
