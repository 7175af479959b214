/**
 * {@code ./run-benchmarks.sh} and its subcommands (picocli): options, usage errors with exit code
 * 2, results folders, and the JMH process. Each command only parses and delegates to the package
 * that does the work.
 */
package dev.loopbench.cli;
