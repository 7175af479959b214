package dev.loopbench.diagnose;

import dev.loopbench.model.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fixed cost per request, {@code a} of the staircase {@code a + ceil(N / L) x D}, is a finding,
 * not noise: time every request pays whatever the load, which no number of lanes buys back. The
 * words are shared with the JMH run's summary for an external target.
 */
public final class FixedCost {

    /** Large against D: a fifth of it, and at least 5 ms. */
    static final double LARGE_SHARE = 0.2;

    static final double LARGE_MILLIS = 5;

    /** A keep-alive answer whose last byte trails its first by this much was held back (Nagle: about 40 ms). */
    static final double STALL_MILLIS = 10;

    /** The usual causes, named when the client cannot tell which it is. */
    public static final String USUAL_CAUSES = "a keep-alive answer stalled by Nagle's algorithm and the client's"
            + " delayed ACK (headers and body in two writes; the JDK HttpServer without"
            + " -Dsun.net.httpserver.nodelay=true is the known case), a new connection per request (the server"
            + " answers Connection: close or HTTP/1.0), a TLS handshake per request, or work the endpoint does"
            + " besides its wait";

    private FixedCost() {}

    public static boolean large(double offsetMillis, double delayMillis) {
        return offsetMillis >= LARGE_MILLIS && offsetMillis >= LARGE_SHARE * delayMillis;
    }

    /** Whether the sweep's waves opened a connection for (nearly) every request, or the answers say they close. */
    static boolean closesConnections(LanesSweep.Result result) {
        List<Double> perRequest = result.probes().stream()
                .map(probe -> Math.max(probe.connectionsPerRequest(), probe.closingPerRequest()))
                .toList();
        return result.answers().closesEveryConnection() || Statistics.median(perRequest) >= 0.5;
    }

    static boolean stalls(AnswerTiming answers) {
        return answers.measured() && answers.stallMillis() >= STALL_MILLIS;
    }

    /** The {@code fixed cost:} line, when there is one to say: a large a, a stall seen, connections closed. */
    static Optional<String> line(LanesSweep.Result result) {
        LanesFit.Fit fit = result.fit();
        AnswerTiming answers = result.answers();
        double a = fit.offsetMillis();
        double d = fit.delayMillis();
        boolean large = large(a, d);
        boolean closes = closesConnections(result);
        boolean stalls = stalls(answers) && !answers.closesEveryConnection();
        if (!large && !closes && !stalls) {
            return Optional.empty();
        }
        String size = result.delayMeasured() && fit.unbounded()
                ? "D, measured without --ms, includes any fixed cost"
                : String.format(
                        Locale.ROOT,
                        "%.0f ms a request beyond the rounds of D (%.1f x D, D = %.0f ms)%s",
                        a,
                        a / d,
                        d,
                        large ? "" : ", small");
        List<String> causes = new ArrayList<>();
        if (closes) {
            causes.add(connections(result));
        }
        if (stalls) {
            causes.add(String.format(
                    Locale.ROOT,
                    "each keep-alive answer's last byte came %.0f ms after its first (one request at a time, %s):"
                            + " the server writes its headers and its body in two sends, and Nagle's algorithm holds"
                            + " the second until the client's delayed ACK of the first; the fix is on the server:"
                            + " TCP_NODELAY on its sockets (the JDK HttpServer: -Dsun.net.httpserver.nodelay=true),"
                            + " or one write per answer",
                    answers.stallMillis(),
                    answers.version()));
        }
        if (answers.measured() && !Double.isNaN(answers.handshakeMillis()) && closes) {
            causes.add(String.format(
                    Locale.ROOT, "a TLS handshake per request, %.1f ms each here", answers.handshakeMillis()));
        }
        double serverTime = answers.firstByteMillis() - d;
        if (large && causes.isEmpty() && answers.measured() && serverTime >= a / 2) {
            causes.add(String.format(
                    Locale.ROOT,
                    "the server takes %.0f ms beyond D before its first byte, one request at a time on a warm"
                            + " connection: work the endpoint does besides its wait (a backend or database round"
                            + " trip, authentication, a proxy in front)",
                    serverTime));
        }
        if (large && causes.isEmpty()) {
            causes.add("the client could not tell which of the usual causes it is: " + USUAL_CAUSES);
        }
        return Optional.of("fixed cost: " + size + "; " + String.join("; ", causes) + ".");
    }

    private static String connections(LanesSweep.Result result) {
        AnswerTiming answers = result.answers();
        double perRequest = Statistics.median(
                result.probes().stream().map(SweepPoint::connectionsPerRequest).toList());
        String why = answers.measured() && "HTTP/1.0".equals(answers.version())
                ? "the server answers HTTP/1.0 and closes the connection after each answer"
                : "the server closes the connection after each answer (Connection: close)";
        String cost = answers.measured()
                ? String.format(Locale.ROOT, ", %.1f ms to open one here, one at a time", answers.connectMillis())
                : "";
        return String.format(
                Locale.ROOT,
                "every request opens a new connection (%.2f a request in the waves): %s%s; N requests at once"
                        + " then also wait for the server to accept N connections",
                perRequest,
                why,
                cost);
    }
}
