package io.unlearn.demo;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import io.unlearn.events.WorstCaseChallenge;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made events for the demo's unit tests: statuses, versions and reports as the services would publish them. */
final class DemoEvents {
    static final String MODEL = "m";
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private DemoEvents() {
    }

    /** When {@code seconds} after T0. */
    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    static RequestStatus status(String requestId, RequestState state, double seconds, String versionId, String reason) {
        return RequestStatus.newBuilder().setRequestId(requestId).setKind(RequestKind.DELETION).setState(state).setModelId(MODEL)
                .setVersionId(versionId).setReason(reason).setEmittedBy("test").setOccurredAt(at(seconds)).build();
    }

    /** RECEIVED, ACCEPTED, BATCHED, APPLIED by {@code versionId}, then {@code last}, at the given seconds after T0. */
    static List<RequestStatus> lifecycle(String requestId, String versionId, RequestState last, double... seconds) {
        return List.of(status(requestId, RequestState.RECEIVED, seconds[0], null, null),
                status(requestId, RequestState.ACCEPTED, seconds[1], null, null),
                status(requestId, RequestState.BATCHED, seconds[2], null, "batch of 1 request(s)"),
                status(requestId, RequestState.APPLIED, seconds[3], versionId, null),
                status(requestId, last, seconds[4], versionId, last == RequestState.FAILED ? "version " + versionId + " REJECTED"
                        : last == RequestState.AWAITING_EVIDENCE ? "version " + versionId + " INCONCLUSIVE" : null));
    }

    static ModelVersion version(long n, ModelVersionKind kind, List<String> applied) {
        return ModelVersion.newBuilder().setModelId(MODEL).setVersion(n).setVersionId(MODEL + "@v" + n)
                .setParentVersionId(n == 1 ? null : MODEL + "@v" + (n - 1)).setKind(kind).setMethod(n == 1 ? "train" : "ft")
                .setArtifactUri("file:/a").setArtifactSha256("00").setAppliedRequestIds(applied).setForgetSetSize(applied.size() * 3)
                .setLineageHash("00").setCreatedAt(at(n)).build();
    }

    static EvaluationReport report(ModelVersion v, Verdict verdict, Map<String, Double> metrics, Map<String, Double> thresholds,
                                   List<String> failing) {
        return EvaluationReport.newBuilder().setVersionId(v.getVersionId()).setModelId(MODEL).setVersion(v.getVersion())
                .setKind(v.getKind()).setMethod(v.getMethod()).setAppliedRequestIds(v.getAppliedRequestIds())
                .setUnlearningAccuracy(metrics.get("ua")).setRetainAccuracy(metrics.get("ra")).setTestAccuracy(metrics.get("ta"))
                .setMiaEfficacy(metrics.get("mia")).setMetrics(metrics).setThresholds(thresholds).setVerdict(verdict)
                .setFailingCriteria(failing).setEvaluatedAt(at(v.getVersion() + 0.5)).build();
    }

    static EvaluationReport withChallenge(EvaluationReport basic, double ua, double taDrop, boolean passed) {
        WorstCaseChallenge w = WorstCaseChallenge.newBuilder().setForgetSetSize(3).setCandidatePoolSize(12).setForgetSetDigest("00")
                .setOuterSteps(3).setInnerSteps(2).setSeed(7).setUnlearningAccuracy(ua).setRetainAccuracy(90.0).setTestAccuracy(85.0)
                .setMiaEfficacy(0.0).setMetrics(Map.of("ua", ua, "ta.drop", taDrop)).setPassed(passed).build();
        return EvaluationReport.newBuilder(basic).setWorstCase(w).build();
    }
}
