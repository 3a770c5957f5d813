package io.unlearn.ingest;

import io.unlearn.ingest.internals.StatusHistory;

/** Finds a request's status history in the Streams state store (interactive queries). */
public interface StatusLookup {

    Result find(String requestId);

    /** What a lookup found. */
    sealed interface Result {
    }

    /** This instance holds the request's history. */
    record Found(StatusHistory history) implements Result {
    }

    /** No instance has seen this request id (yet). */
    record NotFound() implements Result {
    }

    /** Another instance of the group holds it, at {@code host:port} (its HTTP address). */
    record Elsewhere(String hostAndPort) implements Result {
    }

    /** The store cannot answer now (rebalancing, starting); retry shortly. */
    record Unavailable(String reason) implements Result {
    }
}
