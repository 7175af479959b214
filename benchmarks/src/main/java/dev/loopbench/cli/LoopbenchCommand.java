package dev.loopbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command of {@code run-benchmarks.sh} has: {@code -h, --help}, its picocli model
 * (for usage errors that show its usage) and the {@link CommandContext}. A new command extends
 * this, is annotated with {@code @Command}, and is registered in {@link RunBenchmarks#commandLine}.
 */
abstract class LoopbenchCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    final CommandContext context;

    LoopbenchCommand(CommandContext context) {
        this.context = context;
    }
}
