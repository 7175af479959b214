/**
 * Presentation shared by every report: chart style and each handler's look, text tables, the HTML
 * page, chart failures.
 */
package dev.loopbench.render;
