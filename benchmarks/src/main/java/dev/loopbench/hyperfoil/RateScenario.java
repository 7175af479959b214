package dev.loopbench.hyperfoil;

import java.util.Locale;

/** The open model: {@code constantRate} users per second, each sending one request. */
record RateScenario(ExportOptions options, String handler, Load.ConstantRate rate) {

    /** A request still unanswered after ten times its work, and at least 2 s, has failed: in the open model it is lost. */
    static final int TIMEOUT_FACTOR = 10;

    static final int MIN_TIMEOUT_MS = 2_000;

    void write(YamlLines yaml) {
        int d = options.delayMs();
        HyperfoilTarget target = HyperfoilTarget.parse(options.baseUrl());
        long timeout = Math.max(MIN_TIMEOUT_MS, (long) TIMEOUT_FACTOR * d);
        int sessions = (int) Math.max(options.threads(), Math.ceil(rate.perSecond() * timeout / 1000.0));
        double inFlight = rate.perSecond() * d / 1000.0;
        int connections = connections(inFlight, sessions);
        yaml.add("# loopbench for Hyperfoil 0.25: GET " + target.requestPath(handler, d) + " at " + perSecond()
                        + " requests/s (the open model), D = " + d + " ms.")
                .add("# Each user sends one request and is done. Users start on schedule whether or not earlier")
                .add("# ones were answered, so a slow server cannot slow the load down; Hyperfoil times a request")
                .add("# from its start, before it waits for a connection, to the last byte of its response.")
                .add("# Run it here (in-VM): ./run-benchmarks.sh hyperfoil run " + HyperfoilScenario.name(handler, rate)
                        + ".hf.yaml")
                .add("name: " + HyperfoilScenario.name(handler, rate));
        HyperfoilScenario.agents(yaml);
        yaml.add("# event loops per agent, each with its share of the connections")
                .add("threads: " + options.threads());
        HyperfoilScenario.http(
                yaml,
                target,
                connections,
                "4 x the requests in flight while the server keeps up (rate x D = "
                        + String.format(Locale.ROOT, "%.1f", inFlight)
                        + "), the same share per thread; a request that waits for one is BLOCKED, inside its latency",
                timeout);
        yaml.add("phases:");
        if (rate.warmupSeconds() > 0) {
            phase(yaml, "warmup", rate.warmupSeconds(), sessions, true, null, target);
        }
        phase(
                yaml,
                "steady",
                rate.durationSeconds(),
                sessions,
                false,
                rate.warmupSeconds() > 0 ? "warmup" : null,
                target);
    }

    private void phase(
            YamlLines yaml,
            String name,
            int seconds,
            int sessions,
            boolean warmup,
            String after,
            HyperfoilTarget target) {
        yaml.add("- " + name + ":")
                .add("    constantRate:")
                .add("      usersPerSec: " + perSecond())
                .add("      duration: " + seconds + "s")
                .add("      # a session for every user that can still be waiting (rate x timeout): a user with")
                .add("      # none would start late and be timed from its late start (coordinated omission)")
                .add("      maxSessions: " + sessions)
                .add("      # "
                        + (rate.poisson()
                                ? "random (exponential) gaps between users: Poisson arrivals"
                                : "evenly spaced users"))
                .add("      variance: " + rate.poisson());
        if (warmup) {
            yaml.add("      isWarmup: true");
        }
        if (after != null) {
            yaml.add("      startAfterStrict: " + after);
        }
        HyperfoilScenario.request(yaml, "      ", target, handler, options.delayMs());
    }

    /**
     * Four times Little's law for the work alone (rate x D), a multiple of the threads because
     * each event loop holds its own share, and never more than there are sessions to use them.
     * Why four: rate x D is what is in flight only while the server answers in D; a stall of s ms
     * adds rate x s. Four times leaves room for a stall of 3 x D before requests queue in the
     * client: Hyperfoil still times that wait (BLOCKED), but it is no longer the server's queue.
     * On the 2-core VM under a load average of 8, 40 timer requests/s of 50 ms with twice the
     * in-flight count (4 connections) blocked requests for 436 ms in one run of four.
     */
    private int connections(double inFlight, int sessions) {
        int threads = options.threads();
        int perThread = (int) Math.max(1, Math.ceil(4 * inFlight / threads));
        return Math.min(perThread * threads, Math.max(threads, sessions));
    }

    private String perSecond() {
        double r = rate.perSecond();
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
