package io.unlearn.bench.ingest;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The honest ceiling of the ingest topology: the same reads and writes with no logic. It reads both request topics
 * as raw bytes and decodes each request with the same registry-backed serde, writes what an accepted request costs
 * the real topology (RECEIVED, the AcceptedRequest keyed by model, ACCEPTED, with the same serdes and topics), and
 * reads the status topic back and decodes it as the real status history does. It has no de-duplication,
 * validation, catalogue or state store, so it writes no changelog. Run it with the ingest service's own Streams
 * settings (exactly_once_v2, commit interval, threads).
 */
final class MinimalIngestTopology {
    private static final String SERVICE = "bench-minimal";
    private static final String ACCEPTED = "accepted-sink";
    private static final String STATUS = "status-sink";

    private MinimalIngestTopology() {
    }

    static Topology build(SchemaRegistryClient registry, Clock clock) {
        Deserializer<DeletionRequest> deletions = EventSerdes.serde(DeletionRequest.class, registry).deserializer();
        Deserializer<ConceptRemovalRequest> concepts = EventSerdes.serde(ConceptRemovalRequest.class, registry).deserializer();
        Topology t = new Topology();
        t.addSource("requests-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                Topics.DELETION_REQUESTS.name(), Topics.CONCEPT_REQUESTS.name());
        t.addProcessor("pass-through", () -> new PassThrough(deletions, concepts, clock), "requests-source");
        t.addSink(ACCEPTED, Topics.ACCEPTED_REQUESTS.name(), EventSerdes.keySerde().serializer(),
                EventSerdes.serde(AcceptedRequest.class, registry).serializer(), "pass-through");
        t.addSink(STATUS, Topics.REQUEST_STATUS.name(), EventSerdes.keySerde().serializer(),
                EventSerdes.serde(RequestStatus.class, registry).serializer(), "pass-through");
        t.addSink("dead-letter-sink", Topics.DEAD_LETTERS.name(), new ByteArraySerializer(), new ByteArraySerializer(), "pass-through");
        t.addSource("status-source", EventSerdes.keySerde().deserializer(),
                EventSerdes.serde(RequestStatus.class, registry).deserializer(), Topics.REQUEST_STATUS.name());
        t.addProcessor("status-read", StatusRead::new, "status-source");
        return t;
    }

    /** Takes the decoded status and keeps nothing (the source node did the reading and decoding). */
    private static final class StatusRead implements Processor<String, RequestStatus, Void, Void> {
        @Override
        public void process(Record<String, RequestStatus> record) {
            // nothing: the ceiling has no status history
        }
    }

    /** Decodes a request and forwards RECEIVED, the AcceptedRequest and ACCEPTED, judging nothing. */
    private static final class PassThrough implements Processor<byte[], byte[], Object, Object> {
        private final Deserializer<DeletionRequest> deletions;
        private final Deserializer<ConceptRemovalRequest> concepts;
        private final Clock clock;
        private ProcessorContext<Object, Object> context;

        PassThrough(Deserializer<DeletionRequest> deletions, Deserializer<ConceptRemovalRequest> concepts, Clock clock) {
            this.deletions = deletions;
            this.concepts = concepts;
            this.clock = clock;
        }

        @Override
        public void init(ProcessorContext<Object, Object> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            String topic = context.recordMetadata().orElseThrow().topic();
            Instant now = clock.instant();
            AcceptedRequest accepted;
            if (Topics.DELETION_REQUESTS.name().equals(topic)) {
                DeletionRequest r = deletions.deserialize(topic, record.value());
                accepted = AcceptedRequest.newBuilder().setRequestId(r.getRequestId()).setKind(RequestKind.DELETION)
                        .setModelId(r.getModelId()).setRequester(r.getRequester()).setSubjectId(r.getSubjectId())
                        .setSampleIds(r.getSampleIds()).setLegalBasis(r.getLegalBasis()).setReceivedAt(r.getReceivedAt())
                        .setAcceptedAt(now).setDeadline(r.getDeadline()).build();
            } else {
                ConceptRemovalRequest r = concepts.deserialize(topic, record.value());
                accepted = AcceptedRequest.newBuilder().setRequestId(r.getRequestId()).setKind(RequestKind.CONCEPT)
                        .setModelId(r.getModelId()).setRequester(r.getRequester()).setConceptName(r.getConceptName())
                        .setConceptLabels(r.getConceptLabels()).setSampleIds(List.copyOf(r.getExampleSampleIds()))
                        .setLegalBasis(LegalBasis.UNKNOWN).setReceivedAt(r.getReceivedAt()).setAcceptedAt(now)
                        .setDeadline(r.getDeadline()).build();
            }
            status(record, accepted, RequestState.RECEIVED, now);
            context.forward(record.withKey((Object) accepted.getModelId()).withValue(accepted).withHeaders(new RecordHeaders()), ACCEPTED);
            status(record, accepted, RequestState.ACCEPTED, now);
        }

        private void status(Record<byte[], byte[]> record, AcceptedRequest r, RequestState state, Instant now) {
            RequestStatus status = RequestStatus.newBuilder().setRequestId(r.getRequestId()).setKind(r.getKind()).setState(state)
                    .setReason(null).setModelId(r.getModelId()).setVersionId(null).setEmittedBy(SERVICE)
                    .setOccurredAt(now).setDeadline(r.getDeadline()).build();
            context.forward(record.withKey((Object) r.getRequestId()).withValue((Object) status).withHeaders(new RecordHeaders()), STATUS);
        }
    }
}
