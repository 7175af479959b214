package dev.loopbench.cli;

import dev.loopbench.benchmarks.ForkSettings;
import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.FileDescriptors;
import dev.loopbench.diagnose.DiagnosisFolder;
import dev.loopbench.diagnose.LanesSweep;
import dev.loopbench.diagnose.LanesVerdict;
import dev.loopbench.diagnose.SweepPoint;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.render.Table;
import dev.loopbench.targets.ProbeClient;
import dev.loopbench.targets.RequestUrls;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "diagnose",
        customSynopsis =
                "./run-benchmarks.sh diagnose --target URL --path PATH [--ms D] [--max-concurrency N] [--insecure]",
        description = {
            "How many requests can this endpoint wait for at once? Sends waves of N = 1, 2, 4, ... simultaneous"
                    + " GET URL/PATH (each N on N warm connections), fits the staircase a + ceil(N / L) x D"
                    + " (a >= 0: a fixed cost per request) to the whole sweep for every candidate L, and probes"
                    + " where the candidates that fit about as well disagree, until the step is pinned.",
            "",
            "It prints a row per N as it is measured, then a line starting 'lanes:' with an integer or"
                    + " 'unbounded', a 'fixed cost:' line when each request pays one (and its likely cause), how"
                    + " sure that is, and what such lanes usually mean. Writes"
                    + " results/<timestamp>-diagnose/ with diagnose.json, diagnose.txt, charts and index.html."
        },
        footer = "Exit 0: a verdict; 1: a wave failed during the sweep; 2: bad options or an unreachable target.")
final class DiagnoseCommand extends LoopbenchCommand {

    @Option(
            names = "--target",
            required = true,
            paramLabel = "URL",
            description = "the server, e.g. http://localhost:8000")
    String target;

    @Option(
            names = "--path",
            required = true,
            paramLabel = "PATH",
            description = "the endpoint, e.g. timer or api/orders?id=7; GET URL/PATH")
    String path;

    @Option(
            names = "--ms",
            paramLabel = "D",
            description = "append ms=D to every request (loopbench's endpoints and the FastAPI example take it);"
                    + " without it D is the endpoint's own time for one request")
    Integer delayMs;

    @Option(
            names = "--max-concurrency",
            paramLabel = "N",
            defaultValue = "256",
            description = "the largest wave (default ${DEFAULT-VALUE})")
    int maxConcurrency;

    @Mixin
    InsecureOption tls;

    DiagnoseCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageError, IOException, InterruptedException {
        if (delayMs != null && (delayMs < 0 || delayMs > HandlerStyle.MAX_DELAY_MS)) {
            throw new UsageError("--ms must be from 0 to " + HandlerStyle.MAX_DELAY_MS + ", got " + delayMs);
        }
        if (maxConcurrency < 2 || maxConcurrency > 100_000) {
            throw new UsageError("--max-concurrency must be from 2 to 100000, got " + maxConcurrency);
        }
        tls.applyHere();
        String base;
        try {
            base = RequestUrls.baseUrl(target);
            FileDescriptors.requireRoomFor(maxConcurrency, false);
        } catch (IllegalArgumentException | CellUnusable e) {
            throw new UsageError(e.getMessage().startsWith("'") ? "--target " + e.getMessage() : e.getMessage());
        }
        LanesSweep.Settings settings = new LanesSweep.Settings(
                base, path, delayMs == null ? OptionalInt.empty() : OptionalInt.of(delayMs), maxConcurrency);
        requireAnswer(LanesSweep.requestUrl(settings));

        context.out()
                .println("loopbench: diagnosing GET " + LanesSweep.requestUrl(settings) + " with waves of up to "
                        + maxConcurrency + " requests");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"N", "wave ms", "P", "p99 ms", "waves"});
        Table.Columns columns = Table.columns("rrrrr", "  ", 8, 10, 8, 10, 5);
        context.out().println(columns.line(rows.get(0)));
        LanesSweep.Result result;
        try {
            result = LanesSweep.run(settings, (probe, delay) -> {
                String[] row = row(probe, delay);
                rows.add(row);
                context.out().println(columns.line(row));
            });
        } catch (CellUnusable e) {
            context.out().println("loopbench: " + e.getMessage());
            return 1;
        }
        context.out().println();
        LanesVerdict.lines(result).forEach(context.out()::println);
        Path directory = RunDirectories.create(context.resultsRoot(), "-diagnose");
        List<String> failures = DiagnosisFolder.write(result, Table.render(rows, "rrrrr"), directory);
        failures.forEach(line -> context.out().println("loopbench: " + line));
        context.out().println();
        context.out().println("loopbench: diagnose.json, charts and index.html in " + directory + "/");
        return 0;
    }

    private static String[] row(SweepPoint probe, double delay) {
        return new String[] {
            Integer.toString(probe.concurrency()),
            String.format(Locale.ROOT, "%.1f", probe.waveMillis()),
            String.format(Locale.ROOT, "%.1f", probe.parallelism(delay)),
            String.format(Locale.ROOT, "%.1f", probe.p99Millis()),
            Integer.toString(probe.waves())
        };
    }

    /** One request first: a target that is down or refuses the path is a usage error, not a failed sweep. */
    private void requireAnswer(String url) throws UsageError, InterruptedException {
        try {
            HttpResponse<String> answer = ProbeClient.get(
                    ProbeClient.client(ForkSettings.insecure(), Duration.ofSeconds(5)), url, Duration.ofSeconds(30));
            if (answer.statusCode() / 100 != 2) {
                throw new UsageError("GET " + url + " answered HTTP " + answer.statusCode() + ": "
                        + answer.body().strip().replaceAll("\\s+", " "));
            }
        } catch (IOException e) {
            throw new UsageError("target " + url + " is not reachable: " + ProbeClient.describe(e, url));
        }
    }
}
