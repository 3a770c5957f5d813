package io.unlearn.worker.internals;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.Digests;
import io.unlearn.worker.ArtifactStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the events a batch publishes: the version (with its lineage hash), statuses, forgotten samples. */
public final class VersionRecords {
    public static final String SERVICE = "unlearn-worker";

    private VersionRecords() {
    }

    /** The next version after {@code parent} (or version 1 when parent is null). */
    public static ModelVersion version(ModelVersion parent, ModelVersionKind kind, String method, Map<String, Object> hyperparameters,
                                       ArtifactStore.StoredArtifact artifact, List<String> sortedRequestIds,
                                       Collection<String> forgetSet, long trainingMillis, Instant now) {
        String modelId = parent.getModelId();
        long number = parent.getVersion() + 1;
        return ModelVersion.newBuilder().setModelId(modelId).setVersion(number).setVersionId(modelId + "@v" + number)
                .setParentVersionId(parent.getVersionId()).setKind(kind).setMethod(method)
                .setHyperparameters(asText(hyperparameters)).setArtifactUri(artifact.uri()).setArtifactSha256(artifact.sha256())
                .setAppliedRequestIds(sortedRequestIds)
                .setForgetSetDigest(forgetSet.isEmpty() ? null : Digests.forgetSetDigest(forgetSet)).setForgetSetSize(forgetSet.size())
                .setSuppression(null)
                .setLineageHash(Digests.lineageHash(parent.getLineageHash(), artifact.sha256(), sortedRequestIds))
                .setTrainingMillis(trainingMillis).setCreatedAt(now).build();
    }

    /** Version 1 of a model trained from scratch. */
    public static ModelVersion base(String modelId, Map<String, Object> hyperparameters, ArtifactStore.StoredArtifact artifact,
                                    long trainingMillis, Instant now) {
        return ModelVersion.newBuilder().setModelId(modelId).setVersion(1).setVersionId(modelId + "@v1").setParentVersionId(null)
                .setKind(ModelVersionKind.BASE).setMethod("train").setHyperparameters(asText(hyperparameters))
                .setArtifactUri(artifact.uri()).setArtifactSha256(artifact.sha256()).setAppliedRequestIds(List.of())
                .setForgetSetDigest(null).setForgetSetSize(0).setSuppression(null)
                .setLineageHash(Digests.lineageHash(null, artifact.sha256(), List.of()))
                .setTrainingMillis(trainingMillis).setCreatedAt(now).build();
    }

    public static RequestStatus status(AcceptedRequest r, RequestState state, String reason, String versionId, Instant at) {
        return RequestStatus.newBuilder().setRequestId(r.getRequestId()).setKind(r.getKind()).setState(state).setReason(reason)
                .setModelId(r.getModelId()).setVersionId(versionId).setEmittedBy(SERVICE).setOccurredAt(at)
                .setDeadline(r.getDeadline()).build();
    }

    public static ForgottenSample forgotten(String sampleId, AcceptedRequest by, ModelVersion version) {
        return ForgottenSample.newBuilder().setSampleId(sampleId).setRequestId(by.getRequestId()).setModelId(version.getModelId())
                .setVersionId(version.getVersionId()).setSubjectId(by.getSubjectId()).setForgottenAt(version.getCreatedAt()).build();
    }

    /** The next status of a request known from its last one (an escalation has no AcceptedRequest at hand). */
    public static RequestStatus next(RequestStatus last, RequestState state, String reason, String versionId, Instant at) {
        return RequestStatus.newBuilder().setRequestId(last.getRequestId()).setKind(last.getKind()).setState(state).setReason(reason)
                .setModelId(last.getModelId()).setVersionId(versionId).setEmittedBy(SERVICE).setOccurredAt(at)
                .setDeadline(last.getDeadline()).build();
    }

    /** A sample an escalation's version forgets again: the same request and subject, now forgotten by {@code version}. */
    public static ForgottenSample reforgotten(ForgottenSample earlier, ModelVersion version) {
        return ForgottenSample.newBuilder(earlier).setVersionId(version.getVersionId()).setForgottenAt(version.getCreatedAt()).build();
    }

    private static Map<String, String> asText(Map<String, Object> hyperparameters) {
        Map<String, String> out = new TreeMap<>();
        hyperparameters.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
