/**
 * The JMH side: {@link dev.loopbench.benchmarks.ConcurrentRequestsBenchmark}, its profiler,
 * counters and defaults. It uses {@code client} to send the waves and {@code target} to start or
 * reach the server; nothing else in the module depends on it except the command line that runs it.
 */
package dev.loopbench.benchmarks;
