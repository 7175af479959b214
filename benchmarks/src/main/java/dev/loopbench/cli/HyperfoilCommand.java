package dev.loopbench.cli;

import picocli.CommandLine.Command;

@Command(
        name = "hyperfoil",
        customSynopsis = {
            "./run-benchmarks.sh hyperfoil export [OPTIONS]",
            "       ./run-benchmarks.sh hyperfoil run FILE.hf.yaml [--json OUT]"
        },
        description = {
            "Hands loopbench's scenarios to Hyperfoil, the distributed load driver of the Vert.x world, for load"
                    + " beyond one machine: export writes Hyperfoil benchmark files (*.hf.yaml) for waves or a"
                    + " constant rate; run runs one here, in-VM, in a JVM of its own (Hyperfoil 0.25.2 needs"
                    + " Vert.x 4), and prints its statistics as loopbench's table.",
            "",
            "Running a file on a controller with agents on several hosts: see hyperfoil/README.md."
        })
final class HyperfoilCommand extends LoopbenchCommand {

    HyperfoilCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageError {
        throw new UsageError("hyperfoil needs a command: export or run (./run-benchmarks.sh hyperfoil --help)");
    }
}
