/**
 * One class per handler: the same simulated work (wait or burn {@code ms}) in each threading style
 * the model names. Tiny on purpose, in the style of vertx-examples; a comment marks each rule a
 * handler bends.
 */
package dev.loopbench.server.handlers;
