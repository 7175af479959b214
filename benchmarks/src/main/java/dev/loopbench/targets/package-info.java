/**
 * The server a measurement is aimed at: loopbench started in-process, or any HTTP server given by
 * URL, with what it says about itself ({@code /health}, the event-loop lag in {@code /metrics}).
 */
package dev.loopbench.targets;
