package dev.loopbench.server;

/** A request the server will not serve, with the status and a message that says what is allowed. */
final class ClientError extends RuntimeException {

    private final int status;

    ClientError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
