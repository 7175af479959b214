/**
 * Exports of a run for the dashboards users know: Bencher Metric Format and github-action-
 * benchmark's custom JSON.
 */
package dev.loopbench.export;
