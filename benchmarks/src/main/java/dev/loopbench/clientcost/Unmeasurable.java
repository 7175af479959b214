package dev.loopbench.clientcost;

/** Unusable settings or a server that cannot be measured: the message says which. */
final class Unmeasurable extends Exception {

    Unmeasurable(String message) {
        super(message);
    }
}
