package io.unlearn.worker.internals;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.Topics;
import io.unlearn.schemas.registry.SchemaRegistryClient;
import io.unlearn.worker.WorkerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes a batch's outcome in ONE transaction together with the consumed offsets: the ModelVersion,
 * BATCHED then APPLIED (or FAILED) per request, and a ForgottenSample per forgotten sample. Either all of
 * it becomes visible to read_committed readers or none; a crash before the commit leaves the requests to
 * be re-read and redone.
 */
final class BatchPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Serializer<ModelVersion> versions;
    private final Serializer<RequestStatus> statuses;
    private final Serializer<ForgottenSample> forgotten;
    private final Clock clock;
    private Map<TopicPartition, OffsetAndMetadata> lastCommitted = new HashMap<>();

    BatchPublisher(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer, SchemaRegistryClient registry, Clock clock) {
        this.producer = producer;
        this.consumer = consumer;
        this.versions = EventSerdes.serde(ModelVersion.class, registry).serializer();
        this.statuses = EventSerdes.serde(RequestStatus.class, registry).serializer();
        this.forgotten = EventSerdes.serde(ForgottenSample.class, registry).serializer();
        this.clock = clock;
    }

    void init() {
        producer.initTransactions();
    }

    void publish(PendingBatches.Batch batch, BatchOutcome outcome, Instant batchedAt, Map<TopicPartition, OffsetAndMetadata> offsets) {
        inTransaction(() -> {
            Instant now = clock.instant();
            String versionId = null;
            if (outcome instanceof BatchOutcome.Published p) {
                ModelVersion v = p.version();
                versionId = v.getVersionId();
                send(Topics.MODEL_VERSIONS.name(), v.getModelId(), versions, v);
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
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        });
        lastCommitted = offsets;
    }

    /** Publishes a version that applies no request (a consolidation), in a transaction of its own. */
    void publishVersion(ModelVersion v) {
        inTransaction(() -> send(Topics.MODEL_VERSIONS.name(), v.getModelId(), versions, v));
    }

    /** Commits offsets that moved past skipped records, in a transaction of their own. */
    void commitOffsetsIfMoved(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty() || offsets.equals(lastCommitted)) {
            return;
        }
        inTransaction(() -> producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata()));
        lastCommitted = offsets;
    }

    private <V> void send(String topic, String key, Serializer<V> serializer, V value) {
        producer.send(new ProducerRecord<>(topic, key, serializer.serialize(topic, value)));
    }

    private void inTransaction(Runnable work) {
        try {
            producer.beginTransaction();
            work.run();
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw new WorkerException("this worker was fenced by a newer instance with the same transactional id; stopping", e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException ignored) {
                // the original error is what matters; the transaction times out on the broker anyway
            }
            throw new WorkerException("a worker transaction failed and was aborted (" + e.getMessage()
                    + "); stopping so that a restart resumes from the last committed batch", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
