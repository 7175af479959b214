package dev.loopbench.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/** Runs one JMH command, showing its progress line by line and keeping a copy in the run's log. */
final class JmhProcess {

    private JmhProcess() {}

    static int run(
            List<String> command, Path workingDirectory, Map<String, String> environment, PrintStream out, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread stopOnExit = new Thread(
                () -> {
                    process.descendants().forEach(ProcessHandle::destroy); // JMH's forked benchmark JVMs
                    process.destroy();
                },
                "stop-jmh");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter copy = Files.newBufferedWriter(
                        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            copy.write("$ " + String.join(" ", command));
            copy.newLine();
            for (String line; (line = lines.readLine()) != null; ) {
                out.println(line);
                copy.write(line);
                copy.newLine();
            }
        }
        int exit = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        return exit;
    }
}
