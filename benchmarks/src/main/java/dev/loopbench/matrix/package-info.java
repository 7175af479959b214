/**
 * What a run measures: the cells of the default and quick matrices, their families and JMH
 * settings.
 */
package dev.loopbench.matrix;
