package io.unlearn.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.unlearn.ingest.internals.IngestProcessors;
import io.unlearn.schemas.SchemaRegistryClient;
import java.time.Clock;
import org.apache.kafka.streams.Topology;

/**
 * Builds the request-ingest topology: a plain function, kept apart from the service's lifecycle so that
 * {@code TopologyTestDriver} tests it without a broker.
 *
 * <table>
 *   <caption>Topics</caption>
 *   <tr><th>topic</th><th>role</th><th>key</th><th>value</th></tr>
 *   <tr><td>unlearn.requests.deletion</td><td>in</td><td>requestId (UTF-8)</td><td>DeletionRequest, read as raw bytes</td></tr>
 *   <tr><td>unlearn.requests.concept</td><td>in</td><td>requestId</td><td>ConceptRemovalRequest, read as raw bytes</td></tr>
 *   <tr><td>unlearn.catalog.samples</td><td>in (global store)</td><td>sampleId</td><td>SampleRecord</td></tr>
 *   <tr><td>unlearn.catalog.forgotten</td><td>in (global store)</td><td>sampleId</td><td>ForgottenSample</td></tr>
 *   <tr><td>unlearn.models.versions</td><td>in (global store)</td><td>modelId</td><td>ModelVersion</td></tr>
 *   <tr><td>unlearn.requests.status</td><td>in and out</td><td>requestId</td><td>RequestStatus (RECEIVED, ACCEPTED, REJECTED out; every service's in, for the history store)</td></tr>
 *   <tr><td>unlearn.requests.accepted</td><td>out</td><td>modelId</td><td>AcceptedRequest</td></tr>
 *   <tr><td>unlearn.requests.dlq</td><td>out</td><td>original key bytes</td><td>original value bytes; reason and origin in headers</td></tr>
 * </table>
 * Run with {@code processing.guarantee=exactly_once_v2}: the de-duplication store, the outputs and the
 * input offsets commit together.
 */
public final class IngestTopology {
    private IngestTopology() {
    }

    public static Topology build(IngestRules rules, SchemaRegistryClient registry, Clock clock, MeterRegistry meters) {
        return IngestProcessors.wire(new Topology(), rules, registry, clock, meters);
    }
}
