package dev.loopbench.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Counts per iteration, shown beside the score by JMH without any profiler. Counts add up over
 * iterations, which is what JMH does with them; the gauges are in {@link WaveProfiler}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class WaveCounters {

    /** Requests sent in measured waves. */
    public long requests;

    /** Always 0 in a result: a wave with a failed request throws instead of scoring. */
    public long failedRequests;

    /** Connections the client had to open during the iteration: 0 when the warm pool held, as it should. */
    public long newConnections;

    /** Bystander requests answered during the measured waves (none with {@code -p bystander=}). */
    public long bystanders;
}
