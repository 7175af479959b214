package dev.loopbench.render;

import java.awt.AWTError;
import java.awt.HeadlessException;

/** Why a chart could not be drawn, in one line, with a hint only when the cause is the machine's fonts or display. */
public final class ChartFailure {

    private ChartFailure() {}

    public static String describe(Throwable failure) {
        boolean machine = failure instanceof AWTError
                || failure instanceof HeadlessException
                || failure instanceof UnsatisfiedLinkError
                || String.valueOf(failure.getMessage()).toLowerCase().contains("font");
        return "drawing failed (" + failure + ")"
                + (machine
                        ? "; on a headless machine without fonts, install fontconfig and a font such as fonts-dejavu-core"
                        : "");
    }
}
