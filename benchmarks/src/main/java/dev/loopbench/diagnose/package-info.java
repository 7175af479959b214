/**
 * {@code diagnose}: the lanes of one endpoint of any server, read from a sweep of concurrency
 * levels fitted to the model's staircase.
 */
package dev.loopbench.diagnose;
