package io.unlearn.ingest.internals.http;

import java.time.Duration;

/** Counts the exchanges being answered so that a stop can let them finish, and refuses new ones once closing. */
final class InFlight {
    private int running;
    private boolean closing;

    /** False once {@link #drain} began: the caller answers 503 instead. */
    synchronized boolean enter() {
        if (closing) {
            return false;
        }
        running++;
        return true;
    }

    synchronized void leave() {
        running--;
        notifyAll();
    }

    /** Refuses new exchanges, then waits up to {@code grace} for the running ones; true when all finished. */
    synchronized boolean drain(Duration grace) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
