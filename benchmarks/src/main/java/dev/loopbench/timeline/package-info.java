/**
 * {@code timeline}: one wave drawn request by request from the server's own timestamps, bystanders
 * included.
 */
package dev.loopbench.timeline;
