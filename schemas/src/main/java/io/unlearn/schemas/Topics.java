package io.unlearn.schemas;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.SampleRecord;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of every topic in the system, in one place. Keys are plain UTF-8 strings; values are
 * Avro in the Confluent wire format under the subject {@code <topic>-value}, except the dead-letter
 * topic, which keeps the original bytes.
 *
 * <pre>
 * topic                          key        value                  kept
 * unlearn.requests.deletion      requestId  DeletionRequest        forever (audit)
 * unlearn.requests.concept       requestId  ConceptRemovalRequest  forever (audit)
 * unlearn.requests.accepted      modelId    AcceptedRequest        forever (audit)
 * unlearn.requests.status        requestId  RequestStatus          forever (audit)
 * unlearn.requests.dlq           original   original bytes         forever (audit), reason in headers
 * unlearn.catalog.samples        sampleId   SampleRecord           compacted
 * unlearn.catalog.forgotten      sampleId   ForgottenSample        compacted
 * unlearn.models.versions        modelId    ModelVersion           forever (audit)
 * unlearn.eval.reports           versionId  EvaluationReport       forever (audit)
 * </pre>
 */
public final class Topics {

    public static final Topic<String, DeletionRequest> DELETION_REQUESTS =
            Topic.avro("unlearn.requests.deletion", DeletionRequest.class)
                    .setDoc("Deletion requests as published by compliance systems or the HTTP intake; read by request-ingest.")
                    .setKeyDoc("requestId").keepForever().build();

    public static final Topic<String, ConceptRemovalRequest> CONCEPT_REQUESTS =
            Topic.avro("unlearn.requests.concept", ConceptRemovalRequest.class)
                    .setDoc("Concept-removal requests as published by operators or the HTTP intake; read by request-ingest.")
                    .setKeyDoc("requestId").keepForever().build();

    public static final Topic<String, AcceptedRequest> ACCEPTED_REQUESTS =
            Topic.avro("unlearn.requests.accepted", AcceptedRequest.class)
                    .setDoc("Validated requests with their samples resolved, written by request-ingest; read by unlearn-worker, which batches them per model.")
                    .setKeyDoc("modelId").keepForever().build();

    public static final Topic<String, RequestStatus> REQUEST_STATUS =
            Topic.avro("unlearn.requests.status", RequestStatus.class)
                    .setDoc("Every lifecycle step of every request (RequestLifecycle), written by ingest, worker and evaluator; replayed by auditors.")
                    .setKeyDoc("requestId").keepForever().build();

    public static final Topic<byte[], byte[]> DEAD_LETTERS =
            Topic.bytes("unlearn.requests.dlq")
                    .setDoc("Input that could not be read or was invalid: the original key and value bytes, with the reason and origin in headers (DeadLetterHeaders).")
                    .setKeyDoc("the original record's key bytes").keepForever().build();

    public static final Topic<String, SampleRecord> SAMPLES =
            Topic.avro("unlearn.catalog.samples", SampleRecord.class)
                    .setDoc("The sample catalogue: every known sample with its dataset, split and data subject; used to resolve subjects to samples.")
                    .setKeyDoc("sampleId").compacted().build();

    public static final Topic<String, ForgottenSample> FORGOTTEN_SAMPLES =
            Topic.avro("unlearn.catalog.forgotten", ForgottenSample.class)
                    .setDoc("Samples some version of a model has forgotten; that model never trains on them again. Written by unlearn-worker in the version's transaction.")
                    .setKeyDoc("modelId|sampleId").compacted().build();

    /**
     * The key of {@link #FORGOTTEN_SAMPLES}: {@code modelId|sampleId}. Keyed per model, not per sample, because
     * the same sample can be forgotten by several models and compaction must keep every one of those facts.
     */
    public static String forgottenKey(String modelId, String sampleId) {
        return modelId + "|" + sampleId;
    }

    public static final Topic<String, ModelVersion> MODEL_VERSIONS =
            Topic.avro("unlearn.models.versions", ModelVersion.class)
                    .setDoc("Every model version with its lineage, artifact and method, written by unlearn-worker; read by the evaluator and model registries.")
                    .setKeyDoc("modelId").keepForever().build();

    public static final Topic<String, EvaluationReport> EVALUATION_REPORTS =
            Topic.avro("unlearn.eval.reports", EvaluationReport.class)
                    .setDoc("The evaluator's measurements and verdict for each model version; registries serve only CERTIFIED versions.")
                    .setKeyDoc("versionId").keepForever().build();

    /** Every topic, in flow order. */
    public static final List<Topic<?, ?>> ALL = List.of(DELETION_REQUESTS, CONCEPT_REQUESTS, ACCEPTED_REQUESTS,
            REQUEST_STATUS, DEAD_LETTERS, SAMPLES, FORGOTTEN_SAMPLES, MODEL_VERSIONS, EVALUATION_REPORTS);

    private Topics() {
    }

    /** The catalogue topic with this name. */
    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The topics whose values are Avro events registered in the schema registry. */
    public static List<Topic<?, ?>> avroTopics() {
        return ALL.stream().filter(t -> t.valueSchema().isPresent()).toList();
    }
}
