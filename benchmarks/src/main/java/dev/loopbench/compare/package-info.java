/**
 * {@code compare}: two JMH result files cell by cell, the verdict per cell and the exit code a CI
 * gate reads, as text, markdown and a chart.
 */
package dev.loopbench.compare;
