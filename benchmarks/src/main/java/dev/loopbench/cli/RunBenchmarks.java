package dev.loopbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * The tools behind {@code run-benchmarks.sh}: the top level runs the matrix, and each other
 * command is a class registered in {@link #commandLine}. Every usage text is generated here
 * from the commands' options. Input a command cannot use gets one line on stderr and exit 2
 * (after a bad option, the command's usage as well); a run that fails exits 1.
 */
public final class RunBenchmarks {

    /** The repository whose {@code results/} runs write; {@code run-benchmarks.sh} sets it, else the working directory. */
    static final String REPOSITORY_PROPERTY = "loopbench.repository";

    private static final int USAGE_ERROR = 2;
    private static final int FAILED = 1;

    private RunBenchmarks() {}

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty(REPOSITORY_PROPERTY, "")).toAbsolutePath();
        System.exit(execute(List.of(args), new CommandContext(System.out, System.err, repository)));
    }

    static int execute(List<String> args, CommandContext context) {
        try {
            return commandLine(context).execute(args.toArray(String[]::new));
        } catch (Error e) { // picocli hands on what is not an Exception
            context.err().println("loopbench: " + e);
            return FAILED;
        }
    }

    /** Every command, registered in this one place: a new one is a class and a line here. */
    static CommandLine commandLine(CommandContext context) {
        CommandLine commands = new CommandLine(new RunCommand(context))
                .addSubcommand(new CompareCommand(context))
                .addSubcommand(new ReportCommand(context))
                .addSubcommand(new HistoryCommand(context))
                .addSubcommand(new TimelineCommand(context))
                .addSubcommand(new DiagnoseCommand(context))
                .addSubcommand(new OpenCommand(context))
                .addSubcommand(new HarnessCommand(context))
                .addSubcommand(new CommandLine(new HyperfoilCommand(context))
                        .addSubcommand(new HyperfoilExportCommand(context))
                        .addSubcommand(new HyperfoilRunCommand(context)));
        commands.getCommandSpec().usageMessage().description(RunCommand.description());
        commands.setOut(new PrintWriter(context.out(), true));
        commands.setErr(new PrintWriter(context.err(), true));
        commands.setSeparator(" "); // --target URL, as the usage shows it
        commands.setExpandAtFiles(false); // an @ in a JMH argument is the user's, not a file of arguments
        commands.setOverwrittenOptionsAllowed(true);
        commands.setParameterExceptionHandler(RunBenchmarks::badOptions);
        commands.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command));
        styleUsage(commands);
        return commands;
    }

    private static void styleUsage(CommandLine command) {
        command.getCommandSpec()
                .usageMessage()
                .synopsisHeading("usage: ")
                .abbreviateSynopsis(true) // the options are listed below it, one a line
                .sortOptions(false)
                .descriptionHeading("%n")
                .parameterListHeading("%n")
                .optionListHeading("%n")
                .commandListHeading("%ncommands (COMMAND --help for each):%n")
                .footerHeading("%n");
        command.getSubcommands().values().forEach(RunBenchmarks::styleUsage);
    }

    private static int badOptions(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("loopbench: " + e.getMessage());
        command.usage(command.getErr());
        return USAGE_ERROR;
    }

    private static int failed(Exception e, CommandLine command) {
        if (e instanceof UsageError) {
            command.getErr().println("loopbench: " + e.getMessage());
            return USAGE_ERROR;
        }
        command.getErr().println("loopbench: " + e);
        return FAILED;
    }
}
