/**
 * Reading JMH's result JSON as it is, untouched: cells, scores, intervals, secondary metrics.
 */
package dev.loopbench.jmh;
