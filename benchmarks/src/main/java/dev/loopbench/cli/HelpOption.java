package dev.loopbench.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} on every command: its usage on stdout, exit 0. */
final class HelpOption {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "this help")
    boolean requested;
}
