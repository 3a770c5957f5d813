package io.unlearn.ingest;

import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;

/**
 * Publishes a request to its input topic, keyed by requestId, and returns once the broker has
 * acknowledged it (acks=all, idempotent). The HTTP API uses it so that HTTP and Kafka requests take
 * the same path through the topology.
 */
public interface RequestPublisher {
    /** @throws IngestException when the broker did not acknowledge in time; the request may be re-sent safely */
    void publish(DeletionRequest request);

    /** @throws IngestException when the broker did not acknowledge in time; the request may be re-sent safely */
    void publish(ConceptRemovalRequest request);
}
