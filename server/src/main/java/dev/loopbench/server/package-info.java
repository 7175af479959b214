/**
 * The loopbench HTTP server: command line, configuration, routing, replies, {@code /health} and
 * {@code /metrics}. It uses {@code dev.loopbench.model} for the paths and lanes it serves, and
 * {@code handlers} for the work itself.
 */
package dev.loopbench.server;
