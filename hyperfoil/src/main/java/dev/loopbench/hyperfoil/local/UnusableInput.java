package dev.loopbench.hyperfoil.local;

/** Input the run cannot use; its message is the one line printed on stderr. */
final class UnusableInput extends Exception {

    UnusableInput(String message) {
        super(oneLine(message));
    }

    /** Hyperfoil's messages sometimes span lines (a YAML mark, a cause): one line keeps stderr scannable. */
    static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
