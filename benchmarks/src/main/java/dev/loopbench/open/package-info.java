/**
 * {@code open}: constant-rate (open-model) load, latency counted from each request's scheduled
 * send time, and its report.
 */
package dev.loopbench.open;
