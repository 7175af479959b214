/**
 * What loopbench's own client costs: the same waves timed against wrk (and other load tools) on
 * one server process, with CPU per request ({@code ./run-benchmarks.sh harness}).
 */
package dev.loopbench.clientcost;
