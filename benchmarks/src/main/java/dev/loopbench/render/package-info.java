/**
 * Presentation shared by every report: chart style and each handler's look, text tables, the HTML
 * pages (the interactive one with uPlot, read from its WebJar to be inlined), chart failures.
 */
package dev.loopbench.render;
