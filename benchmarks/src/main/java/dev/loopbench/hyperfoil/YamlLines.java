package dev.loopbench.hyperfoil;

/** A YAML file written line by line. */
final class YamlLines {

    private final StringBuilder text = new StringBuilder();

    YamlLines add(String line) {
        text.append(line).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
