/**
 * Runs one Hyperfoil benchmark file in this JVM and prints its statistics; a module of its own
 * because Hyperfoil 0.25 needs Vert.x 4.
 */
package dev.loopbench.hyperfoil.local;
