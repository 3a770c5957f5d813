package io.unlearn.ingest.internals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door, one record at a time (input: raw key and value bytes of a request topic):
 * decode → check key = requestId → de-duplicate → RECEIVED → validate and resolve → ACCEPTED +
 * AcceptedRequest, or REJECTED + dead letter. Undecodable input is dead-lettered with its original bytes
 * (and REJECTED when its key names a request). A registry outage is not bad input: it is thrown, the
 * stream thread is replaced and the record retried.
 */
final class IntakeProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger log = LoggerFactory.getLogger(IntakeProcessor.class);
    static final String SERVICE = "request-ingest";

    private final Deserializer<DeletionRequest> deletions;
    private final Deserializer<ConceptRemovalRequest> concepts;
    private final RequestValidator validator;
    private final Clock clock;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter duplicates;
    private final DeadLetters deadLetters;
    /**
     * The de-duplication digest (lower-case hex SHA-256 of the canonical text, as {@code Digests.sha256Hex} computes
     * it): one instance per processor, which one stream thread runs, instead of a provider look-up per record.
     */
    private final MessageDigest sha256 = sha256();
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, String> requests;
    private CatalogView catalog;

    IntakeProcessor(Deserializer<DeletionRequest> deletions, Deserializer<ConceptRemovalRequest> concepts,
                    RequestValidator validator, Clock clock, MeterRegistry meters) {
        this.deletions = deletions;
        this.concepts = concepts;
        this.validator = validator;
        this.clock = clock;
        this.accepted = meters.counter("unlearn.ingest.requests", "outcome", "accepted");
        this.rejected = meters.counter("unlearn.ingest.requests", "outcome", "rejected");
        this.duplicates = meters.counter("unlearn.ingest.requests", "outcome", "duplicate");
        this.deadLetters = new DeadLetters(SERVICE, meters);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.requests = context.getStateStore(StoreNames.REQUESTS);
        this.catalog = new StoreCatalogView(context.getStateStore(StoreNames.CATALOG),
                context.getStateStore(StoreNames.FORGOTTEN), context.getStateStore(StoreNames.MODELS));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        boolean deletion = Topics.DELETION_REQUESTS.name().equals(origin.topic());
        Object request;
        try {
            request = record.value() == null ? null
                    : deletion ? deletions.deserialize(origin.topic(), record.value()) : concepts.deserialize(origin.topic(), record.value());
        } catch (SerializationException e) {
            reject(record, origin, key, kindOf(deletion), null, null, "undecodable value: " + e.getMessage(), e);
            return;
        }
        if (request == null) {
            reject(record, origin, key, kindOf(deletion), null, null, "empty value (tombstone): a request needs a body", null);
            return;
        }
        Intake intake = deletion ? Intake.of((DeletionRequest) request) : Intake.of((ConceptRemovalRequest) request);
        if (key == null || !key.equals(intake.requestId())) {
            reject(record, origin, intake.requestId(), intake.kind(), intake.modelId(), intake.deadline(),
                    "record key '" + key + "' is not the requestId '" + intake.requestId() + "': key requests by their requestId", null);
            return;
        }
        String digest = HexFormat.of().formatHex(sha256.digest(intake.canonical().getBytes(StandardCharsets.UTF_8)));
        String seen = requests.get(intake.requestId());
        if (seen != null) {
            if (seen.equals(digest)) {
                duplicates.increment();
                log.info("Request {} re-sent ({}-{}@{}): already received, acknowledged and not applied again",
                        intake.requestId(), origin.topic(), origin.partition(), origin.offset());
            } else {
                deadLetters.send(context, record, origin, "requestId '" + intake.requestId()
                        + "' was already used for a different request: choose a new requestId", null);
            }
            return;
        }
        requests.put(intake.requestId(), digest);
        Instant now = clock.instant();
        status(record, intake.requestId(), intake.kind(), RequestState.RECEIVED, null, intake.modelId(), intake.deadline(), now);
        Validation outcome = deletion ? validator.validate((DeletionRequest) request, catalog, now)
                : validator.validate((ConceptRemovalRequest) request, catalog, now);
        if (outcome instanceof Validation.Accepted ok) {
            AcceptedRequest a = ok.request();
            context.forward(record.withKey(a.getModelId()).withValue(a).withHeaders(new RecordHeaders()),
                    IngestSinks.ACCEPTED);
            status(record, a.getRequestId(), a.getKind(), RequestState.ACCEPTED, ok.note(), a.getModelId(), a.getDeadline(), now);
            accepted.increment();
        } else {
            Validation.Rejected no = (Validation.Rejected) outcome;
            deadLetters.send(context, record, origin, no.reason(), null);
            status(record, intake.requestId(), intake.kind(), RequestState.REJECTED, no.reason(), intake.modelId(), intake.deadline(), now);
            rejected.increment();
        }
    }

    private void reject(Record<byte[], byte[]> record, RecordMetadata origin, String requestId, RequestKind kind,
                        String modelId, Instant deadline, String reason, Exception cause) {
        deadLetters.send(context, record, origin, reason, cause);
        if (requestId != null && requests.get(requestId) == null) {
            requests.put(requestId, "rejected-unreadable");
            Instant now = clock.instant();
            status(record, requestId, kind, RequestState.RECEIVED, null, modelId, deadline, now);
            status(record, requestId, kind, RequestState.REJECTED, reason, modelId, deadline, now);
        }
        rejected.increment();
    }

    private void status(Record<byte[], byte[]> record, String requestId, RequestKind kind, RequestState state,
                        String reason, String modelId, Instant deadline, Instant now) {
        RequestStatus status = RequestStatus.newBuilder().setRequestId(requestId).setKind(kind).setState(state)
                .setReason(reason).setModelId(modelId).setVersionId(null).setEmittedBy(SERVICE)
                .setOccurredAt(now).setDeadline(deadline).build();
        context.forward(record.withKey((Object) requestId).withValue((Object) status)
                .withHeaders(new RecordHeaders()), IngestSinks.STATUS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static RequestKind kindOf(boolean deletion) {
        return deletion ? RequestKind.DELETION : RequestKind.CONCEPT;
    }

    /** The few fields both request kinds share, plus their canonical text (for de-duplication). */
    private record Intake(String requestId, RequestKind kind, String modelId, Instant deadline, String canonical) {
        static Intake of(DeletionRequest r) {
            return new Intake(r.getRequestId(), RequestKind.DELETION, r.getModelId(), r.getDeadline(), RequestSignatures.canonical(r));
        }

        static Intake of(ConceptRemovalRequest r) {
            return new Intake(r.getRequestId(), RequestKind.CONCEPT, r.getModelId(), r.getDeadline(), RequestSignatures.canonical(r));
        }
    }
}
