/**
 * The model every result is compared with, and its one owner: each handler's style and lanes
 * ({@link dev.loopbench.model.HandlerStyle}), the server's pool sizes, and every formula and rule
 * the reports apply. It depends on nothing but the JDK, so that the server, the benchmarks and the
 * report tools read the same facts.
 */
package dev.loopbench.model;
