package dev.loopbench.hyperfoil;

/**
 * The text of one Hyperfoil 0.25 benchmark file ({@code *.hf.yaml}) for one handler: pure text
 * from the options, so that what a file says can be read and tested without Hyperfoil.
 *
 * <p>Every request is a plain HTTP/1.1 GET on a keep-alive connection, as loopbench sends:
 * {@code allowHttp2: false} keeps Hyperfoil from offering h2 in TLS's ALPN (it upgrades a
 * cleartext connection to h2c only when HTTP/1.x is disallowed, never by default).
 */
final class HyperfoilScenario {

    private HyperfoilScenario() {}

    /** {@code timer-waves}, {@code api-slow-report-rate}: the benchmark's name and its file's, without extension. */
    static String name(String handler, Load load) {
        String bare = handler.startsWith("/") ? handler.substring(1) : handler;
        return bare.replace('/', '-') + (load instanceof Load.Waves ? "-waves" : "-rate");
    }

    static String yaml(ExportOptions options, String handler) {
        YamlLines yaml = new YamlLines();
        if (options.load() instanceof Load.Waves waves) {
            new WaveScenario(options, handler, waves).write(yaml);
        } else if (options.load() instanceof Load.ConstantRate rate) {
            new RateScenario(options, handler, rate).write(yaml);
        }
        return yaml.toString();
    }

    /** Hyperfoil's {@code agents:} section, commented out: the in-VM runner would play only the first agent. */
    static void agents(YamlLines yaml) {
        yaml.add("# agents: to drive the load from several hosts, uncomment this section, name your hosts and run")
                .add(
                        "# the file on a Hyperfoil controller (bin/controller.sh); see hyperfoil/README.md. Hyperfoil then")
                .add("# splits users, rate and connections between the agents in proportion to their threads. The")
                .add("# in-VM runner (./run-benchmarks.sh hyperfoil run) refuses a file with agents: it would run only")
                .add("# the first agent's share.")
                .add("#agents:")
                .add("#  agent-1: load-host-1            # [user@]host[:port], reached over SSH with ~/.ssh/id_rsa")
                .add("#  agent-2:")
                .add("#    host: load-host-2")
                .add("#    user: loadtest")
                .add("#    threads: 4                     # overrides the threads below for this agent");
    }

    static void http(YamlLines yaml, HyperfoilTarget target, int connections, String connectionsWhy, long timeoutMs) {
        yaml.add("http:")
                .add("  host: " + target.origin())
                .add("  # HTTP/1.1 only, as loopbench sends: no h2 offered in TLS's ALPN (and no h2c upgrade)")
                .add("  allowHttp2: false");
        if (target.https()) {
            yaml.add("  # Hyperfoil 0.25 accepts any server certificate unless a trustManager is given");
        }
        yaml.add("  # " + connectionsWhy)
                .add("  sharedConnections: " + connections)
                .add("  requestTimeout: " + timeoutMs + "ms");
    }

    static void request(YamlLines yaml, String indent, HyperfoilTarget target, String handler, int delayMs) {
        yaml.add(indent + "scenario:")
                .add(indent + "- request:")
                .add(indent + "  - httpRequest:")
                .add(indent + "      GET: " + target.requestPath(handler, delayMs))
                .add(indent + "      metric: " + handler);
    }
}
