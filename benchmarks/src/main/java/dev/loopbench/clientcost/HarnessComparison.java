package dev.loopbench.clientcost;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Is the harness what is measured? Holds loopbench's wave client against wrk, on the same
 * loopbench server started as a process of its own, at {@code /timer?ms=0}: nothing to wait for,
 * so all there is to measure is the cost of the requests.
 *
 * <p>For each N: wrk's steady rate with N connections gives the time wrk needs for N requests,
 * N / rate; loopbench's median zero-delay wave of N is set beside it; the ratio says what the
 * harness costs over the cheapest client there is. The two are measured in turns (a wrk run,
 * then a batch of waves, then again), so that a change in the machine's load falls on both. CPU
 * time per request of the client and of the server, which the load does not change, says where
 * the time went.
 *
 * <p>Exit status of {@link #run}: 0 when every ratio is within the threshold (or wrk is missing
 * and loopbench's own figures were printed), 1 when a ratio is above it, 2 when nothing could be
 * measured (no server jar, a server that would not start, a wave that failed).
 *
 * <p>This class runs the steps in order; each has a class of its own: {@link ComparisonOptions}
 * (the settings), {@link StoppedOnExit} (the server process), {@link CostMeasurement} (one N, in
 * turns), {@link CostTable}, {@link CostVerdict} and {@link LoadAverage}.
 */
public final class HarnessComparison {

    private final Optional<Wrk> wrk;

    public HarnessComparison() {
        this(Wrk.find());
    }

    HarnessComparison(Optional<Wrk> wrk) {
        this.wrk = wrk;
    }

    public int run(ComparisonOptions options, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "harness: loopbench's wave clients (core and web) against wrk, GET /timer?ms=0 on a loopbench server process"
                        + " (E = %d), %d cores, Java %s%n",
                options.eventLoops(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (wrk.isEmpty()) {
            out.println("harness: " + Wrk.INSTALL_HINT + "; loopbench's own figures follow");
        }
        out.printf(Locale.ROOT, "harness: load average %s before%n", LoadAverage.now());
        List<CostRow> rows = new ArrayList<>();
        try (StoppedOnExit started = StoppedOnExit.start(
                options.java(), options.serverJvmOptions(), options.serverJar(), options.eventLoops())) {
            LoopbenchServerProcess server = started.server();
            out.printf("harness: server pid %d at %s, %s transport%n", server.pid(), server.url(), server.transport());
            CostMeasurement measurement = new CostMeasurement(options, server, wrk);
            for (int concurrency : options.concurrencies()) {
                rows.addAll(measurement.measure(concurrency, rows.isEmpty(), out));
            }
        } catch (IOException | Unmeasurable e) {
            out.println("harness: cannot measure: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("harness: interrupted");
            return 2;
        } catch (Exception e) {
            out.println("harness: cannot measure: " + e);
            return 2;
        }
        out.printf(Locale.ROOT, "harness: load average %s after%n", LoadAverage.now());
        out.println();
        CostTable.print(options, rows, wrk.isPresent(), out);
        CostTable.printWebClientCost(rows, out);
        return CostVerdict.print(options, rows, wrk.isPresent(), out);
    }
}
