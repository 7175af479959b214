package dev.loopbench.open;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code open.json}: the settings, the conditions and every figure of every cell, so that the
 * report can be redrawn and two runs compared without the console output. Latencies in
 * milliseconds, rates in requests a second; lambdaMax is a number, "unbounded", or null when the
 * lanes are unknown.
 */
final class OpenJson {

    static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p99.9", "p99.99"};

    private OpenJson() {}

    static JsonObject of(OpenOptions options, RunConditions conditions, List<OpenCell> cells) {
        JsonArray array = new JsonArray();
        cells.forEach(cell -> array.add(cell(cell)));
        return new JsonObject()
                .put("command", "open")
                .put("settings", settings(options))
                .put("conditions", conditions(conditions))
                .put("cells", array);
    }

    private static JsonObject settings(OpenOptions options) {
        return new JsonObject()
                .put("handlers", new JsonArray(options.handlers()))
                .put("rates", options.rates().isEmpty() ? null : new JsonArray(options.rates()))
                .put("delayMs", options.delayMs())
                .put("durationSeconds", options.durationSeconds())
                .put("warmupSeconds", options.warmupSeconds())
                .put("arrivals", options.poisson() ? "poisson" : "constant")
                .put("seed", CellPlan.SEED)
                .put("target", options.target().orElse(null))
                .put("eventLoops", options.target().isEmpty() ? options.eventLoops() : null)
                .put("maxConnections", CellPlan.MAX_CONNECTIONS)
                .put("lagLimitMs", OpenCell.LAG_LIMIT_MILLIS)
                .put("latencyFrom", "scheduled send time");
    }

    private static JsonObject conditions(RunConditions conditions) {
        return new JsonObject()
                .put("date", conditions.date())
                .put("server", conditions.server())
                .put("jdk", conditions.jdk())
                .put("cores", conditions.cores())
                .put("loadAverageStart", finite(conditions.loadAverageStart()))
                .put("loadAverageEnd", finite(conditions.loadAverageEnd()));
    }

    private static JsonObject cell(OpenCell cell) {
        JsonObject latency = new JsonObject();
        for (int i = 0; i < PERCENTILES.length; i++) {
            latency.put(PERCENTILE_NAMES[i], finite(cell.percentileMillis(PERCENTILES[i])));
        }
        latency.put("max", finite(cell.maxMillis()));
        JsonArray spectrum = new JsonArray();
        cell.spectrum()
                .forEach(point -> spectrum.add(new JsonArray().add(point[0]).add(point[1])));
        return new JsonObject()
                .put("handler", cell.handler())
                .put("delayMs", cell.delayMs())
                .put("offeredRate", cell.offeredRate())
                .put("lambdaMax", lambdaMax(cell.lambdaMax()))
                .put("beyondLambdaMax", cell.beyondLambdaMax())
                .put("modelMaxMs", finite(cell.modelMaxMillis()))
                .put("sentRate", finite(cell.sentRate()))
                .put("achievedRate", cell.achievedRate())
                .put("requests", cell.requests())
                .put("errors", cell.errors())
                .put("timeouts", cell.timeouts())
                .put("unsent", cell.unsent())
                .put("queuedInClient", cell.queuedInClient())
                .put("firstError", cell.firstError())
                .put("latencyMs", latency)
                .put(
                        "harnessLagMs",
                        new JsonObject().put("p99", cell.lagP99Millis()).put("max", cell.lagMaxMillis()))
                .put("fellBehind", cell.fellBehind())
                .put("warnings", new JsonArray(cell.warnings()))
                .put("connectionsOpened", cell.connectionsOpened())
                .put("peakInFlight", cell.peakInFlight())
                .put("hlog", OpenFiles.hlogPath(cell))
                .put("spectrum", spectrum);
    }

    private static Object lambdaMax(double lambdaMax) {
        return Double.isNaN(lambdaMax) ? null : Double.isInfinite(lambdaMax) ? "unbounded" : lambdaMax;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
