/**
 * Runs over time: what every results folder records about its run ({@code run.json}: time, commit,
 * machine), and the history of many runs, each cell against a trailing baseline.
 */
package dev.loopbench.history;
