package io.unlearn.ingest.internals;

/** Names of the sink nodes of the ingest topology. */
final class IngestSinks {
    static final String ACCEPTED = "accepted-sink";
    static final String STATUS = "status-sink";
    static final String DEAD_LETTERS = "dead-letter-sink";

    private IngestSinks() {
    }
}
