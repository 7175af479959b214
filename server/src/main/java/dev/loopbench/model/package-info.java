/**
 * The model every result is compared with, and its one owner: each handler's style and lanes
 * ({@link dev.loopbench.model.HandlerStyle}), the server's pool sizes, every formula and rule the
 * reports apply ({@link dev.loopbench.model.WaveModel}, {@link dev.loopbench.model.ModelFit},
 * {@link dev.loopbench.model.SaturationModel}) and the statistics behind them
 * ({@link dev.loopbench.model.Statistics}). It uses only the JDK and commons-math, so that the
 * server, the benchmarks and the report tools read the same facts.
 */
package dev.loopbench.model;
