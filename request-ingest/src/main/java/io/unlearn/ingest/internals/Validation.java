package io.unlearn.ingest.internals;

import io.unlearn.events.AcceptedRequest;

/** The outcome of validating one request: accepted (samples resolved) or rejected with the reason. */
public sealed interface Validation {

    /** A valid request, resolved; {@code note} says what was notable (e.g. samples already forgotten), or null. */
    record Accepted(AcceptedRequest request, String note) implements Validation {
    }

    /** An invalid request; {@code reason} says every problem found and what to do. */
    record Rejected(String reason) implements Validation {
    }
}
