/**
 * The report of one run: summary table, charts and {@code index.html}, each cell measured beside
 * the model.
 */
package dev.loopbench.report;
