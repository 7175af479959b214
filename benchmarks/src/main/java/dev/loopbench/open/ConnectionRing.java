package dev.loopbench.open;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpConnectOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * One sender's keep-alive connections, used in turn: each request takes the next idle one after
 * the one the previous request took, and a new one is opened only when all are busy, up to a cap.
 *
 * <p>Why not Vert.x's pool: a server with E event loops serves each connection on one of them,
 * handed out in turn as connections arrive, so which lanes a request can reach depends on its
 * connection. The pool hands out whichever idle connection it likes; at 18/s each of the two
 * senders sent every request on the same connection, and when both landed on the same event loop
 * event-loop-sleep (E = 2, D = 100 ms) had one lane of two: p50 147 ms where the model says 100.
 * Taking connections in turn is not enough either: two senders each alternating over the loops
 * sent requests 0 and 1 to one loop, 2 and 3 to the other (p50 136 ms). So the senders open their
 * first connections in rounds, one each in turn, awaiting each: with S senders connection c of
 * sender k is the server's (c S + k)-th, on loop (c S + k) mod E, and request i of the run, the
 * (i / S)-th of sender i mod S, lands on loop i mod E as long as each sender has a multiple of E
 * connections, all idle. Below the knee with constant gaps the requests go round the lanes
 * exactly, as independent users' connections, accepted in turn, would spread them.
 */
final class ConnectionRing {

    /** A connection and whether a request is on it; one request at a time (HTTP/1.1, no pipelining). */
    static final class Slot {
        final HttpClientConnection connection;
        boolean busy;
        boolean closed;

        Slot(HttpClientConnection connection) {
            this.connection = connection;
        }
    }

    private final HttpClientAgent client;
    private final HttpConnectOptions target;
    private final int cap;
    private final List<Slot> slots = new ArrayList<>();
    /** The slot the last request took: the next one starts looking after it. */
    private int cursor = -1;
    /** Slots in the ring not busy: past the knee all are busy, and a send must not scan them all to find out. */
    private int idle;

    private int opening;
    private int opened;

    ConnectionRing(HttpClientAgent client, HttpConnectOptions target, int cap) {
        this.client = client;
        this.target = target;
        this.cap = cap;
    }

    /** The next idle connection after the last one handed out, now busy; null when every one is busy. */
    Slot nextIdle() {
        if (idle == 0) {
            return null;
        }
        for (int step = 1; step <= slots.size(); step++) {
            int index = (cursor + step) % slots.size();
            Slot slot = slots.get(index);
            if (!slot.busy) {
                cursor = index;
                slot.busy = true;
                idle--;
                return slot;
            }
        }
        return null;
    }

    boolean canOpen() {
        return slots.size() + opening < cap;
    }

    /**
     * A new connection at the end of the ring, busy: taken for the request it was opened for.
     * Call on the sender's event loop; the connection's handlers run there too.
     */
    Future<Slot> open() {
        opening++;
        return client.connect(target).andThen(ignored -> opening--).map(connection -> {
            Slot slot = new Slot(connection);
            slot.busy = true;
            connection.closeHandler(closed -> retire(slot));
            slots.add(slot);
            opened++;
            return slot;
        });
    }

    /** Closed, or about to be: an answer said {@code Connection: close}; no request may take it again. */
    void retire(Slot slot) {
        slot.closed = true;
        int index = slots.indexOf(slot);
        if (index >= 0) {
            slots.remove(index);
            if (!slot.busy) {
                idle--;
            }
            if (index <= cursor) {
                cursor--; // the turn stays with the connection after the removed one
            }
        }
    }

    /** The request on it is answered (or failed): the connection may take the next. */
    void release(Slot slot) {
        if (slot.busy && !slot.closed) {
            idle++;
        }
        slot.busy = false;
    }

    int opened() {
        return opened;
    }
}
