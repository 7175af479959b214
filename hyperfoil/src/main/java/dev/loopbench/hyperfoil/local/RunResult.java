package dev.loopbench.hyperfoil.local;

import java.util.List;

/**
 * A finished local run: statistics per phase and metric, and one line per failure (failed
 * requests, phases that ran out of sessions, a phase error). No failures: exit code 0.
 */
record RunResult(String benchmark, int threads, List<PhaseStatistics> phases, List<String> failures) {}
