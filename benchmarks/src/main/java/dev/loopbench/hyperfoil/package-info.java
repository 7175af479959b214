/**
 * Hyperfoil benchmark files written from loopbench's matrix, and the runner that runs one in a JVM
 * of its own (Hyperfoil uses Vert.x 4).
 */
package dev.loopbench.hyperfoil;
