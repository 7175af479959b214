package dev.loopbench.report;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.render.HandlerLooks;
import dev.loopbench.render.Look;
import java.awt.Color;
import java.awt.Graphics2D;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Diamond;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.Square;
import org.knowm.xchart.style.markers.TriangleUp;

/** A handler's {@link Look} in XChart's terms; handlers that are not loopbench's get spare colours. */
record SeriesLook(Color colour, Marker marker, float lineWidth) {

    private static final Color[] OTHER_COLOURS = {
        new Color(0x17, 0xbe, 0xcf),
        new Color(0xbc, 0xbd, 0x22),
        new Color(0x7f, 0x7f, 0x7f),
        new Color(0xe3, 0x77, 0xc2)
    };
    private static final int OTHER_MARKER_SIZE = 9;
    private static final float OTHER_LINE_WIDTH = 2.5f;

    /** @param index the line's place among the charted ones, to tell apart handlers of the user's own service */
    static SeriesLook of(String handler, int index) {
        return HandlerStyle.fromPath(String.valueOf(handler))
                .map(style -> of(HandlerLooks.of(style)))
                .orElse(new SeriesLook(
                        OTHER_COLOURS[index % OTHER_COLOURS.length],
                        new Sized(new Circle(), OTHER_MARKER_SIZE),
                        OTHER_LINE_WIDTH));
    }

    private static SeriesLook of(Look look) {
        return new SeriesLook(
                Color.decode(look.colour()), new Sized(shape(look.marker()), look.markerSize()), look.lineWidth());
    }

    private static Marker shape(Look.Marker marker) {
        return switch (marker) {
            case CIRCLE -> new Circle();
            case SQUARE -> new Square();
            case DIAMOND -> new Diamond();
            case TRIANGLE_UP -> new TriangleUp();
        };
    }

    void applyTo(XYSeries series) {
        series.setLineColor(colour);
        series.setLineWidth(lineWidth);
        series.setMarkerColor(colour);
        series.setMarker(marker);
    }

    /** XChart sizes all markers alike; this one keeps its own size. */
    private static final class Sized extends Marker {
        private final Marker shape;
        private final int size;

        Sized(Marker shape, int size) {
            this.shape = shape;
            this.size = size;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int ignoredSize) {
            shape.paint(g, x, y, size);
        }
    }
}
