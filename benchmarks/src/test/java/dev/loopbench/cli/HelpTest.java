package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.clientcost.ComparisonOptions;
import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.Matrix;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

@DisplayName("Every command's help")
class HelpTest {

    @TempDir
    Path repository;

    @ParameterizedTest(name = "''{0}'' prints its usage to stdout and exits 0")
    @CsvSource(
            delimiter = '|',
            value = {
                "--help            | usage: ./run-benchmarks.sh [--quick] [--target URL] [-- JMH-ARGS...]"
                        + ";--quick;--target URL;-- JMH-ARGS;results/<timestamp>/;bmf.json;compare;report;timeline;diagnose;hyperfoil",
                "-h                | usage: ./run-benchmarks.sh [--quick]",
                "compare --help    | usage: ./run-benchmarks.sh compare;BASE.json;CANDIDATE.json;--fail-threshold PCT"
                        + ";--warn-threshold PCT;--alpha A;--format FORMAT;--chart DIR;Exit 0",
                "report --help     | usage: ./run-benchmarks.sh report;RESULTS.json;--output DIR",
                "timeline -h       | usage: ./run-benchmarks.sh timeline;--concurrency N;--ms D;--target URL"
                        + ";--handlers a,b;--event-loops E;--width COLUMNS;--insecure;--bystander PATH",
                "diagnose --help   | usage: ./run-benchmarks.sh diagnose --target URL --path PATH;--ms D"
                        + ";--max-concurrency N;--insecure;lanes:;Exit 0",
                "hyperfoil --help  | usage: ./run-benchmarks.sh hyperfoil export;hyperfoil run FILE.hf.yaml"
                        + ";hyperfoil/README.md;export;run",
                "hyperfoil export --help | usage: ./run-benchmarks.sh hyperfoil export;--concurrency N;--rate R"
                        + ";--poisson;--out DIR;agents:",
                "hyperfoil run -h  | usage: ./run-benchmarks.sh hyperfoil run FILE.hf.yaml;--json OUT;Exit 0",
                "open --help       | usage: ./run-benchmarks.sh open;--handlers a,b;--rates R1,R2;--duration S"
                        + ";--ms D;--target URL;--poisson;--insecure;lambda_max;Exit 0",
                "harness --help    | usage: ./run-benchmarks.sh harness;--event-loops E;--concurrency N1,N2"
                        + ";--rounds R;--waves W;--wrk-seconds S;--threshold X;wrk;Exit 0"
            })
    void printsUsage(String args, String expected) {
        Invocation help = Invocation.run(repository, args.split(" "));
        assertEquals(0, help.exitCode(), help.toString());
        String[] parts = expected.split(";");
        assertTrue(help.out().startsWith(parts[0]), "starts with '" + parts[0] + "': " + help);
        for (String part : parts) {
            assertTrue(help.out().contains(part), "the usage should show '" + part + "': " + help);
        }
        help.out().lines().forEach(line -> assertTrue(line.length() <= 80, "wider than 80: '" + line + "'"));
        assertEquals("", help.err(), help.toString());
    }

    @Test
    @DisplayName("The run's help shows the matrix Matrix.standard() runs: each family's handlers and levels, D and E")
    void runHelpShowsTheMatrix() {
        Invocation help = Invocation.run(repository, "--help");
        String text = help.out().replaceAll("\\s+", ""); // picocli wraps where it likes
        for (Family family :
                Matrix.standard().withControl(Matrix.STANDARD_CONTROL).families()) {
            String levels =
                    "N=" + family.concurrency().stream().map(String::valueOf).collect(Collectors.joining(","));
            String handlers = String.join(",", family.handlers());
            assertTrue(
                    text.contains(handlers) && text.contains(levels),
                    "the help should show the " + family.name() + " family, " + handlers + " at " + levels + ": "
                            + help);
        }
        assertTrue(text.contains("D=" + Matrix.DELAY_MS + "ms"), "D = " + Matrix.DELAY_MS + " ms: " + help);
        assertTrue(text.contains("E=" + Matrix.EVENT_LOOPS + "eventloops"), "E = " + Matrix.EVENT_LOOPS + ": " + help);
    }

    @Test
    @DisplayName("The harness's help gives the defaults ComparisonOptions.defaults() runs with")
    void harnessHelpShowsItsDefaults() {
        ComparisonOptions defaults = ComparisonOptions.defaults();
        Invocation help = Invocation.run(repository, "harness", "--help");
        String text = help.out().replaceAll("\\s+", " ");
        List<String> expected = List.of(
                "E of the server process (default " + defaults.eventLoops() + ")",
                "for the JIT (default " + defaults.warmup().toSeconds() + ")",
                "per N (default " + defaults.rounds() + ")",
                "measured waves per round (default " + defaults.wavesPerRound() + ")",
                "one measured wrk run (default " + defaults.wrkDuration().toSeconds() + ")",
                "the ratio to wrk allowed (default " + defaults.threshold() + ")",
                "connections (default "
                        + defaults.concurrencies().stream().map(String::valueOf).collect(Collectors.joining(","))
                        + ")");
        for (String line : expected) {
            assertTrue(text.contains(line), "the help should say '" + line + "' (" + defaults + "): " + help);
        }
    }

    /**
     * picocli passes every description, header and footer through {@code String.format}; a lone
     * {@code %} fails there, and picocli warns on {@code System.err} itself, past the streams the
     * tests above capture, so this test renders each command's usage with {@code System.err} caught.
     */
    @Test
    @DisplayName("Every command's usage renders without a picocli warning (a % in prose is written %%)")
    void everyUsageRendersWithoutAWarning() {
        PrintStream original = System.err;
        List<String> warnings = new ArrayList<>();
        try {
            commands(RunBenchmarks.commandLine(new CommandContext(System.out, System.err, repository)))
                    .forEach(command -> {
                        ByteArrayOutputStream caught = new ByteArrayOutputStream();
                        System.setErr(new PrintStream(caught, true, StandardCharsets.UTF_8));
                        command.getUsageMessage();
                        String warned = caught.toString(StandardCharsets.UTF_8);
                        if (!warned.isEmpty()) {
                            warnings.add(command.getCommandSpec().qualifiedName() + ": " + warned);
                        }
                    });
        } finally {
            System.setErr(original);
        }
        assertEquals(List.of(), warnings);
    }

    private static Stream<CommandLine> commands(CommandLine command) {
        return Stream.concat(
                Stream.of(command), command.getSubcommands().values().stream().flatMap(HelpTest::commands));
    }

    @ParameterizedTest(name = "''{0}'' exits 2 with the reason and that command's usage on stderr")
    @CsvSource(
            delimiter = '|',
            value = {
                "compare a.json                   | usage: ./run-benchmarks.sh compare",
                "compare a.json b.json --nope 1   | usage: ./run-benchmarks.sh compare",
                "compare a.json b.json --format   | usage: ./run-benchmarks.sh compare",
                "report r.json --chart x          | usage: ./run-benchmarks.sh report",
                "report                           | usage: ./run-benchmarks.sh report",
                "timeline --bogus 1               | usage: ./run-benchmarks.sh timeline",
                "diagnose --path timer            | usage: ./run-benchmarks.sh diagnose",
                "diagnose --target http://x:1     | usage: ./run-benchmarks.sh diagnose",
                "hyperfoil export --concurrency 4 --rate 9 | usage: ./run-benchmarks.sh hyperfoil export",
                "hyperfoil run                    | usage: ./run-benchmarks.sh hyperfoil run",
                "open --bogus                     | usage: ./run-benchmarks.sh open",
                "harness --warmup-seconds -1      | usage: ./run-benchmarks.sh harness"
            })
    void badOptionsShowTheCommandsUsage(String args, String usage) {
        Invocation refused = Invocation.run(repository, args.split(" "));
        assertEquals(2, refused.exitCode(), refused.toString());
        assertTrue(refused.err().startsWith("loopbench: "), "first the reason: " + refused);
        assertTrue(refused.err().contains(usage), "then the usage: " + refused);
        assertEquals("", refused.out(), refused.toString());
    }
}
