package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.schemas.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built event histories for the checks. {@link #consistent} is a history every check passes: model
 * {@code m} with BASE v1, UNLEARNED v2 applying deletion r1 (samples s1, s2; VERIFIED, CERTIFIED), and
 * deletion r2 REJECTED by ingest. Artifacts are real content-addressed checkpoint directories under {@code root}.
 */
public final class AuditFixtures {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    public final List<ModelVersion> versions = new ArrayList<>();
    public final List<AcceptedRequest> accepted = new ArrayList<>();
    public final List<RequestStatus> statuses = new ArrayList<>();
    public final List<ForgottenSample> forgotten = new ArrayList<>();
    public final List<EvaluationReport> reports = new ArrayList<>();
    public Instant newest = T0.plusSeconds(3600);
    final Path root;

    public AuditFixtures(Path root) {
        this.root = root;
    }

    public static AuditFixtures consistent(Path root) throws IOException {
        AuditFixtures f = new AuditFixtures(root);
        ModelVersion v1 = f.version("m", 1, ModelVersionKind.BASE, null, f.artifact("base weights"), List.of(), null);
        f.request("r1", "m", RequestKind.DELETION, List.of("s1", "s2"), T0.plusSeconds(7200),
                RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED, RequestState.APPLIED, RequestState.VERIFIED);
        ModelVersion v2 = f.version("m", 2, ModelVersionKind.UNLEARNED, v1, f.artifact("unlearned weights"), List.of("r1"),
                Digests.forgetSetDigest(List.of("s1", "s2")));
        f.forget(v2, "r1", "s1", "s2");
        f.report(v2, Verdict.CERTIFIED);
        f.statuses.add(status("r2", "m", RequestState.RECEIVED, T0, null));
        f.statuses.add(status("r2", "m", RequestState.REJECTED, T0, "unknown sample ids [x]"));
        return f;
    }

    /**
     * A history every check passes with one escalation: BASE v1; v2 (ft) applies r1 (s1, s2) and is REJECTED, r1 goes
     * ESCALATING; v3 (rl) on v1 supersedes v2, re-applies r1 and forgets s1, s2 again; CERTIFIED, r1 VERIFIED.
     */
    public static AuditFixtures escalated(Path root) throws IOException {
        AuditFixtures f = new AuditFixtures(root);
        ModelVersion v1 = f.version("m", 1, ModelVersionKind.BASE, null, f.artifact("base weights"), List.of(), null);
        f.request("r1", "m", RequestKind.DELETION, List.of("s1", "s2"), T0.plusSeconds(7200),
                RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.BATCHED, RequestState.APPLIED);
        String digest = Digests.forgetSetDigest(List.of("s1", "s2"));
        ModelVersion v2 = f.version("m", 2, ModelVersionKind.UNLEARNED, v1, f.artifact("weak weights"), List.of("r1"), digest);
        f.replaceVersion(1, b -> b.setMethod("ft"));
        v2 = f.versions.get(1);
        f.forget(v2, "r1", "s1", "s2");
        f.report(v2, Verdict.REJECTED);
        f.statuses.add(RequestStatus.newBuilder(status("r1", "m", RequestState.ESCALATING, T0.plusSeconds(200), "lineage membership"))
                .setVersionId("m@v2").build());
        ModelVersion v3 = f.version("m", 3, ModelVersionKind.UNLEARNED, v1, f.artifact("strong weights"), List.of("r1"), digest);
        f.replaceVersion(2, b -> b.setMethod("rl").setSupersedes(List.of("m@v2"))
                .setEscalation("m@v2 (ft) was REJECTED (lineage membership); ft is unreliable for m, so its requests are re-applied by rl on m@v1"));
        v3 = f.versions.get(2);
        f.forget(v3, "r1", "s1", "s2");
        f.report(v3, Verdict.CERTIFIED);
        f.statuses.add(RequestStatus.newBuilder(status("r1", "m", RequestState.APPLIED, T0.plusSeconds(260), null)).setVersionId("m@v3").build());
        f.statuses.add(RequestStatus.newBuilder(status("r1", "m", RequestState.VERIFIED, T0.plusSeconds(300), null)).setVersionId("m@v3").build());
        return f;
    }

    public AuditLog log() {
        return new AuditLog(versions, accepted, statuses, forgotten, reports, List.of(), newest);
    }

    /** Writes a checkpoint directory {@code root/<sha256>/parameters.djl} holding {@code content}; returns its sha256. */
    public String artifact(String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String sha = Digests.sha256Hex(content);
        Files.write(Files.createDirectories(root.resolve(sha)).resolve(CheckpointStore.PARAMETERS_FILE), bytes);
        return sha;
    }

    public ModelVersion version(String model, long n, ModelVersionKind kind, ModelVersion parent, String sha, List<String> applied,
                         String excludedDigest) {
        ModelVersion v = ModelVersion.newBuilder().setModelId(model).setVersion(n).setVersionId(model + "@v" + n)
                .setParentVersionId(parent == null ? null : parent.getVersionId()).setKind(kind).setMethod(n == 1 ? "train" : "SalUn")
                .setArtifactUri(root.resolve(sha).toUri().toString()).setArtifactSha256(sha).setAppliedRequestIds(applied)
                .setExcludedSamplesDigest(excludedDigest)
                .setLineageHash(Digests.lineageHash(parent == null ? null : parent.getLineageHash(), sha, applied))
                .setCreatedAt(T0.plusSeconds(60 * n)).build();
        versions.add(v);
        return v;
    }

    public void request(String id, String model, RequestKind kind, List<String> samples, Instant deadline, RequestState... states) {
        accepted.add(AcceptedRequest.newBuilder().setRequestId(id).setKind(kind).setModelId(model).setRequester("dpo")
                .setSampleIds(samples).setReceivedAt(T0).setAcceptedAt(T0).setDeadline(deadline).build());
        for (int i = 0; i < states.length; i++) {
            statuses.add(RequestStatus.newBuilder(status(id, model, states[i], T0.plusSeconds(30L * i), null)).setDeadline(deadline).build());
        }
    }

    public static RequestStatus status(String id, String model, RequestState state, Instant at, String reason) {
        return RequestStatus.newBuilder().setRequestId(id).setKind(RequestKind.DELETION).setState(state).setReason(reason)
                .setModelId(model).setEmittedBy("test").setOccurredAt(at).build();
    }

    public void forget(ModelVersion by, String requestId, String... samples) {
        for (String s : samples) {
            forgotten.add(ForgottenSample.newBuilder().setSampleId(s).setRequestId(requestId).setModelId(by.getModelId())
                    .setVersionId(by.getVersionId()).setForgottenAt(by.getCreatedAt()).build());
        }
    }

    /** A report with forgetting evidence whose decision is {@code verdict} (for UNLEARNED and RETRAINED versions). */
    public void report(ModelVersion v, Verdict verdict) {
        boolean forgetting = v.getKind() == ModelVersionKind.UNLEARNED || v.getKind() == ModelVersionKind.RETRAINED;
        reports.add(EvaluationReport.newBuilder().setVersionId(v.getVersionId()).setModelId(v.getModelId()).setVersion(v.getVersion())
                .setKind(v.getKind()).setMethod(v.getMethod()).setVerdict(verdict).setForgetting(!forgetting ? null
                        : ForgettingEvidence.newBuilder().setTolerance(10).setForgetSetSize(2).setNonMemberSize(100).setDecision(verdict).build())
                .setEvaluatedAt(v.getCreatedAt().plusSeconds(5)).build());
    }

    /** Replaces the version at {@code index} with an edited copy (a forged event). */
    public void replaceVersion(int index, java.util.function.UnaryOperator<ModelVersion.Builder> edit) {
        versions.set(index, edit.apply(ModelVersion.newBuilder(versions.get(index))).build());
    }
}
