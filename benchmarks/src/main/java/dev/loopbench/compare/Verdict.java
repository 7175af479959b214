package dev.loopbench.compare;

/** What a change between two runs of one cell means. */
public enum Verdict {
    /** Better beyond the warn threshold, and the samples say it is not chance. */
    FASTER("faster"),
    /** Worse beyond the warn threshold, and the samples say it is not chance. */
    SLOWER("slower"),
    /** A change smaller than the warn threshold: nothing to see, significant or not. */
    SAME("same"),
    /** A change beyond the warn threshold that the samples cannot tell from chance. */
    NOISE("noise"),
    /** Fewer than two iterations on a side: no test is possible, so no verdict. */
    TOO_FEW_SAMPLES("too few samples");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
