package dev.loopbench.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option values picocli parsed but the command cannot use: the reason, then the command's usage, exit 2. */
final class UsageErrors {

    private UsageErrors() {}

    static ParameterException badOption(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static int inRange(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw badOption(
                    spec, option + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
        }
        return value;
    }
}
