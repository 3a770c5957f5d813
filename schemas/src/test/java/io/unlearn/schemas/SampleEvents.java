package io.unlearn.schemas;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DatasetSplit;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.SampleRecord;
import io.unlearn.events.Signature;
import io.unlearn.events.SuppressedFeature;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.events.Verdict;
import io.unlearn.events.WorstCaseChallenge;
import org.apache.avro.specific.SpecificRecord;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** One filled-in example of every event type, every optional field set, for round-trip tests. */
public final class SampleEvents {

    /** Millisecond precision: what timestamp-millis keeps. */
    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private SampleEvents() {
    }

    public static DeletionRequest deletion(String requestId) {
        return DeletionRequest.newBuilder()
                .setRequestId(requestId).setRequester("compliance-bot").setSubjectId("subject-42")
                .setSampleIds(List.of("fmnist-train-1", "fmnist-train-2")).setModelId("fmnist-cnn")
                .setLegalBasis(LegalBasis.GDPR_ART_17).setLegalReference("ticket 123")
                .setReceivedAt(NOW).setDeadline(NOW.plus(30, ChronoUnit.DAYS))
                .setSignature(Signature.newBuilder().setAlgorithm("Ed25519").setKeyId("key-1")
                        .setValue(ByteBuffer.wrap(new byte[] {1, 2, 3})).build())
                .build();
    }

    public static ConceptRemovalRequest concept(String requestId) {
        return ConceptRemovalRequest.newBuilder()
                .setRequestId(requestId).setRequester("operator").setModelId("fmnist-cnn")
                .setConceptName("footwear").setConceptLabels(List.of("Sandal", "Sneaker", "Ankle boot"))
                .setExampleSampleIds(List.of("fmnist-train-7")).setLayerHint("block2")
                .setReceivedAt(NOW).setDeadline(NOW.plus(7, ChronoUnit.DAYS))
                .build();
    }

    public static AcceptedRequest accepted(String requestId) {
        return AcceptedRequest.newBuilder()
                .setRequestId(requestId).setKind(RequestKind.DELETION).setModelId("fmnist-cnn")
                .setRequester("compliance-bot").setSubjectId("subject-42")
                .setSampleIds(List.of("fmnist-train-1", "fmnist-train-2", "fmnist-train-9"))
                .setConceptName(null).setConceptLabels(List.of()).setLayerHint(null)
                .setLegalBasis(LegalBasis.GDPR_ART_17)
                .setReceivedAt(NOW).setAcceptedAt(NOW.plusSeconds(1)).setDeadline(NOW.plus(30, ChronoUnit.DAYS))
                .build();
    }

    public static RequestStatus status(String requestId) {
        return RequestStatus.newBuilder()
                .setRequestId(requestId).setKind(RequestKind.DELETION).setState(RequestState.APPLIED)
                .setReason("applied by SalUn").setModelId("fmnist-cnn").setVersionId("fmnist-cnn@v2")
                .setEmittedBy("unlearn-worker").setOccurredAt(NOW).setDeadline(NOW.plus(30, ChronoUnit.DAYS))
                .build();
    }

    public static SampleRecord sample(String sampleId) {
        return SampleRecord.newBuilder()
                .setSampleId(sampleId).setDatasetId("fashion-mnist").setSplit(DatasetSplit.TRAIN)
                .setDatasetIndex(1L).setSubjectId("subject-42").setLabel("Sneaker").setLabelIndex(7)
                .setContentSha256("ab".repeat(32)).setRegisteredAt(NOW)
                .build();
    }

    public static ForgottenSample forgotten(String sampleId) {
        return ForgottenSample.newBuilder()
                .setSampleId(sampleId).setRequestId("req-1").setModelId("fmnist-cnn")
                .setVersionId("fmnist-cnn@v2").setSubjectId("subject-42").setForgottenAt(NOW)
                .build();
    }

    public static ModelVersion version(String modelId) {
        String artifact = "cd".repeat(32);
        return ModelVersion.newBuilder()
                .setModelId(modelId).setVersion(2).setVersionId(modelId + "@v2").setParentVersionId(modelId + "@v1")
                .setKind(ModelVersionKind.SUPPRESSED).setMethod("SAE-suppression")
                .setHyperparameters(Map.of("topK", "128", "gamma", "-0.5"))
                .setArtifactUri("file:///tmp/models/" + modelId + "/v2.pt").setArtifactSha256(artifact)
                .setAppliedRequestIds(List.of("req-1", "req-2"))
                .setForgetSetDigest(Digests.forgetSetDigest(List.of("s1", "s2"))).setForgetSetSize(2)
                .setSuppression(SuppressionConfig.newBuilder()
                        .setConceptName("footwear").setConceptLabels(List.of("Sandal", "Sneaker", "Ankle boot"))
                        .setLayer("block2").setSaeArtifactUri("file:///tmp/sae.pt").setSaeSha256("ef".repeat(32))
                        .setDictionarySize(4096).setDefaultScale(-0.5)
                        .setFeatures(List.of(SuppressedFeature.newBuilder().setIndex(17).setScore(0.9).setScale(-0.5).build()))
                        .build())
                .setLineageHash(Digests.lineageHash("00".repeat(32), artifact, List.of("req-1", "req-2")))
                .setTrainingMillis(1234L).setCreatedAt(NOW)
                .build();
    }

    public static EvaluationReport report(String versionId) {
        return EvaluationReport.newBuilder()
                .setVersionId(versionId).setModelId("fmnist-cnn").setVersion(2).setKind(ModelVersionKind.UNLEARNED)
                .setMethod("SalUn").setAppliedRequestIds(List.of("req-1"))
                .setUnlearningAccuracy(5.2).setRetainAccuracy(97.1).setTestAccuracy(90.3).setMiaEfficacy(12.5)
                .setAvgGap(1.7).setConceptAccuracy(null).setNonConceptAccuracy(null)
                .setMetrics(Map.of("runTimeMillis", 5321.0))
                .setWorstCase(WorstCaseChallenge.newBuilder()
                        .setForgetSetSize(100).setCandidatePoolSize(1000).setForgetSetDigest("aa".repeat(32))
                        .setOuterSteps(20).setInnerSteps(10).setSeed(7L).setUnlearningAccuracy(0.5)
                        .setRetainAccuracy(96.0).setTestAccuracy(89.0).setMiaEfficacy(3.0).setAvgGap(8.1)
                        .setMetrics(Map.of()).setPassed(false).build())
                .setVerdict(Verdict.REJECTED).setFailingCriteria(List.of("worstCase.avgGap 8.10 > 5.00"))
                .setThresholds(Map.of("avgGap", 5.0)).setEvaluatedAt(NOW)
                .build();
    }

    /** One of each, keyed by the topic it belongs to. */
    public static Map<Topic<String, ? extends SpecificRecord>, SpecificRecord> oneOfEach() {
        return Map.of(
                Topics.DELETION_REQUESTS, deletion("req-1"),
                Topics.CONCEPT_REQUESTS, concept("req-2"),
                Topics.ACCEPTED_REQUESTS, accepted("req-1"),
                Topics.REQUEST_STATUS, status("req-1"),
                Topics.SAMPLES, sample("fmnist-train-1"),
                Topics.FORGOTTEN_SAMPLES, forgotten("fmnist-train-1"),
                Topics.MODEL_VERSIONS, version("fmnist-cnn"),
                Topics.EVALUATION_REPORTS, report("fmnist-cnn@v2"));
    }
}
