package dev.loopbench.hyperfoil;

import dev.loopbench.client.WaveClient;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.WaveModel;
import java.util.Locale;

/** Waves: {@code atOnce} users = N, one iteration of the phase = one wave. */
record WaveScenario(ExportOptions options, String handler, Load.Waves waves) {

    void write(YamlLines yaml) {
        int n = waves.concurrency();
        int d = options.delayMs();
        double predicted = predictedMillis();
        HyperfoilTarget target = HyperfoilTarget.parse(options.baseUrl());
        yaml.add("# loopbench for Hyperfoil 0.25: waves of " + n + " simultaneous GET " + target.requestPath(handler, d)
                        + " (D = " + d + " ms).")
                .add("# One iteration of a phase is one wave: " + n + " users start at once, each sends one request")
                .add("# and is done; the next wave starts when the last response of this one has arrived, as in")
                .add("# loopbench's ConcurrentRequestsBenchmark.")
                .add("# " + modelLine(predicted))
                .add("# Run it here (in-VM): ./run-benchmarks.sh hyperfoil run "
                        + HyperfoilScenario.name(handler, waves) + ".hf.yaml")
                .add("name: " + HyperfoilScenario.name(handler, waves));
        HyperfoilScenario.agents(yaml);
        yaml.add("# event loops per agent, each with its share of the connections")
                .add("threads: " + options.threads());
        long timeout = WaveClient.timeoutMillis(n, d, predicted);
        HyperfoilScenario.http(
                yaml,
                target,
                n,
                "one keep-alive connection per request of a wave, opened before the first phase",
                timeout);
        yaml.add("phases:");
        String measuredAfter = null;
        if (waves.warmupWaves() > 0) {
            phase(yaml, "warmup", waves.warmupWaves(), true, null, target);
            measuredAfter = lastIteration("warmup", waves.warmupWaves());
        }
        phase(yaml, "waves", waves.waves(), false, measuredAfter, target);
    }

    private void phase(
            YamlLines yaml, String name, int iterations, boolean warmup, String after, HyperfoilTarget target) {
        yaml.add("- " + name + ":")
                .add("    atOnce:")
                .add("      users: " + waves.concurrency())
                .add("      maxIterations: " + iterations);
        if (warmup) {
            yaml.add("      isWarmup: true");
        }
        if (after != null) {
            yaml.add("      # after the last warm-up wave by name: Hyperfoil 0.25.2 terminates the phase 'warmup' that")
                    .add(
                            "      # stands for all its iterations as soon as the last one starts (its maxDuration is 0), so")
                    .add(
                            "      # 'startAfterStrict: warmup' would send the first wave while the last warm-up wave runs")
                    .add("      startAfterStrict: " + after);
        }
        HyperfoilScenario.request(yaml, "      ", target, handler, options.delayMs());
    }

    /** Hyperfoil names the iterations of a repeated phase {@code name/000}, {@code name/001}, ... */
    private static String lastIteration(String phase, int iterations) {
        return iterations == 1 ? phase : String.format(Locale.ROOT, "%s/%03d", phase, iterations - 1);
    }

    private double predictedMillis() {
        return WaveModel.predictedMillis(handler, waves.concurrency(), options.delayMs(), options.shape());
    }

    private String modelLine(double predicted) {
        if (Double.isNaN(predicted)) {
            return HandlerStyle.fromPath(handler).isPresent()
                    ? "Model: T(N) = ceil(N / L) x D; the lanes L need the server's pool sizes (its /health)."
                    : "Model: not one of loopbench's handlers; its effective parallelism is N x D / wave time.";
        }
        var lanes = HandlerStyle.fromPath(handler)
                .orElseThrow()
                .lanes(options.shape().orElseThrow());
        return String.format(
                Locale.ROOT,
                "Model (%s): L = %s lanes, T(%d) = ceil(%d / L) x %d ms = %.0f ms per wave.",
                options.shape().orElseThrow(),
                lanes,
                waves.concurrency(),
                waves.concurrency(),
                options.delayMs(),
                predicted);
    }
}
