package dev.loopbench.render;

/**
 * How a handler is drawn: the same in every chart, so that a reader who learnt its colour once
 * finds it again. Handlers that measure alike (the three serial ones are one staircase) are
 * drawn thick with a large marker under thin with a small one, so that every one stays visible.
 *
 * @param colour     {@code #rrggbb}
 * @param lineWidth  in pixels; the thickest lines are drawn first, under the others
 * @param letter     the handler's mark in the text chart
 */
public record Look(String colour, Marker marker, int markerSize, float lineWidth, char letter) {

    /** The marker shapes loopbench uses; the chart code maps them to its library's. */
    public enum Marker {
        CIRCLE,
        SQUARE,
        DIAMOND,
        TRIANGLE_UP
    }
}
