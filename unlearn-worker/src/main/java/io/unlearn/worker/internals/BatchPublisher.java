package io.unlearn.worker.internals;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.runtime.DeadLetters;
import io.unlearn.runtime.EventSigner;
import io.unlearn.runtime.Transactions;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes a batch's outcome in ONE transaction together with the consumed offsets: the ModelVersion,
 * BATCHED then APPLIED (or FAILED) per request, and a ForgottenSample per forgotten sample. Either all of
 * it becomes visible to read_committed readers or none; a crash before the commit leaves the requests to
 * be re-read and redone. An unreadable request goes to the dead-letter topic with the offsets, likewise. Every version
 * is signed with the worker's key ({@link EventSigner}) as it is sent, after its number is final.
 */
final class BatchPublisher implements AutoCloseable {
    private final Transactions<String, byte[]> tx;
    private final Serializer<ModelVersion> versions;
    private final Serializer<RequestStatus> statuses;
    private final Serializer<ForgottenSample> forgotten;
    private final Clock clock;
    private final EventSigner signer;
    private Map<TopicPartition, OffsetAndMetadata> lastCommitted = new HashMap<>();

    BatchPublisher(Producer<String, byte[]> producer, Consumer<String, byte[]> consumer, SchemaRegistryClient registry, EventSigner signer,
                   Clock clock) {
        this.signer = signer;
        this.tx = new Transactions<>(producer, consumer, "worker", "batch");
        this.versions = EventSerdes.serde(ModelVersion.class, registry).serializer();
        this.statuses = EventSerdes.serde(RequestStatus.class, registry).serializer();
        this.forgotten = EventSerdes.serde(ForgottenSample.class, registry).serializer();
        this.clock = clock;
    }

    void init() {
        tx.init();
    }

    void publish(PendingBatches.Batch batch, BatchOutcome outcome, Instant batchedAt, Map<TopicPartition, OffsetAndMetadata> offsets) {
        tx.run(() -> {
            Instant now = clock.instant();
            String versionId = null;
            if (outcome instanceof BatchOutcome.Published p) {
                ModelVersion v = p.version();
                versionId = v.getVersionId();
                send(Topics.MODEL_VERSIONS.name(), v.getModelId(), versions, signer.sign(v));
                Map<String, AcceptedRequest> owner = new HashMap<>();
                batch.requests().forEach(r -> r.getSampleIds().forEach(id -> owner.putIfAbsent(id, r)));
                for (String id : p.forgottenSampleIds()) {
                    ForgottenSample f = VersionRecords.forgotten(id, owner.get(id), v);
                    send(Topics.FORGOTTEN_SAMPLES.name(), Topics.forgottenKey(v.getModelId(), id), forgotten, f);
                }
            } else if (outcome instanceof BatchOutcome.AlreadyForgotten a) {
                versionId = a.headVersionId();
            }
            for (AcceptedRequest r : batch.requests()) {
                send(Topics.REQUEST_STATUS.name(), r.getRequestId(), statuses,
                        VersionRecords.status(r, RequestState.BATCHED, "batch of " + batch.entries().size() + " request(s)", null, batchedAt));
                RequestStatus last = outcome instanceof BatchOutcome.Failed f
                        ? VersionRecords.status(r, RequestState.FAILED, f.reason(), null, now)
                        : VersionRecords.status(r, RequestState.APPLIED, outcome instanceof BatchOutcome.AlreadyForgotten
                                ? "every sample was already forgotten by " + versionId : null, versionId, now);
                send(Topics.REQUEST_STATUS.name(), r.getRequestId(), statuses, last);
            }
            tx.sendOffsets(offsets);
        });
        lastCommitted = offsets;
    }

    /**
     * Tells a batch's requests that they wait (a repeated ACCEPTED with {@code reason}), with the offsets safe to commit
     * (never past the batch, which stays pending), in one transaction.
     */
    void waiting(PendingBatches.Batch batch, String reason, Map<TopicPartition, OffsetAndMetadata> offsets) {
        tx.run(() -> {
            Instant now = clock.instant();
            for (AcceptedRequest r : batch.requests()) {
                send(Topics.REQUEST_STATUS.name(), r.getRequestId(), statuses, VersionRecords.status(r, RequestState.ACCEPTED, reason, null, now));
            }
            if (!offsets.isEmpty()) {
                tx.sendOffsets(offsets);
            }
        });
        lastCommitted = offsets;
    }

    /** Publishes a version that applies no request (a consolidation), in a transaction of its own. */
    void publishVersion(ModelVersion v) {
        tx.run(() -> send(Topics.MODEL_VERSIONS.name(), v.getModelId(), versions, signer.sign(v)));
    }

    /**
     * Publishes an escalation in one transaction: its version (when there is one), its samples forgotten again under the
     * version's id, and the statuses of the requests it moves (APPLIED, or FAILED when no version could be built).
     */
    void publishEscalation(ModelVersion v, java.util.List<ForgottenSample> reforgotten, java.util.List<RequestStatus> moved) {
        tx.run(() -> {
            if (v != null) {
                send(Topics.MODEL_VERSIONS.name(), v.getModelId(), versions, signer.sign(v));
            }
            for (ForgottenSample f : reforgotten) {
                send(Topics.FORGOTTEN_SAMPLES.name(), Topics.forgottenKey(f.getModelId(), f.getSampleId()), forgotten, f);
            }
            for (RequestStatus s : moved) {
                send(Topics.REQUEST_STATUS.name(), s.getRequestId(), statuses, s);
            }
        });
    }

    /** Sends an unreadable request to the dead-letter topic with the offsets safe to commit, in one transaction. */
    void deadLetter(ConsumerRecord<String, byte[]> r, Exception why, Map<TopicPartition, OffsetAndMetadata> offsets) {
        tx.run(() -> {
            tx.send(DeadLetters.of(r, "unreadable accepted request, not applied: " + why.getMessage()
                    + "; republish it in the AcceptedRequest contract", why, VersionRecords.SERVICE, clock.instant()));
            if (!offsets.isEmpty()) {
                tx.sendOffsets(offsets);
            }
        });
        lastCommitted = offsets;
    }

    /** Commits offsets that moved past skipped records, in a transaction of their own. */
    void commitOffsetsIfMoved(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty() || offsets.equals(lastCommitted)) {
            return;
        }
        tx.commitOffsets(offsets);
        lastCommitted = offsets;
    }

    private <V> void send(String topic, String key, Serializer<V> serializer, V value) {
        tx.send(topic, key, serializer.serialize(topic, value));
    }

    @Override
    public void close() {
        tx.close();
    }
}
