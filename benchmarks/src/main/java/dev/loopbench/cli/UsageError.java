package dev.loopbench.cli;

/** Input the tool cannot work with: one line on stderr and exit code 2. */
public final class UsageError extends Exception {

    public UsageError(String message) {
        super(message, null, false, false);
    }
}
