package dev.loopbench.model;

/**
 * How many requests a handler can wait for at the same time: its lanes, L in the model.
 * Non-blocking handlers have no limit; {@link #UNBOUNDED} makes {@code ceil(N / L)} come out as 1.
 */
public record Lanes(int count) {

    public static final Lanes UNBOUNDED = new Lanes(Integer.MAX_VALUE);

    public Lanes {
        if (count < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, got " + count);
        }
    }

    public static Lanes of(int count) {
        return new Lanes(count);
    }

    public boolean isBounded() {
        return count != Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return isBounded() ? Integer.toString(count) : "unbounded";
    }
}
