package io.unlearn.evaluator.internals;

import static io.unlearn.evaluator.MetricKeys.*;

import io.unlearn.evaluator.Judgement;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import io.unlearn.events.WorstCaseChallenge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the records the evaluator publishes: reports (measured, refused, not judged, challenge) and request statuses. */
public final class Reports {
    public static final String SERVICE = "evaluator";

    private Reports() {
    }

    static EvaluationReport measured(ModelVersion v, Map<String, Double> metrics, Judgement j, ForgettingEvidence evidence, Instant now) {
        return start(v, now).setUnlearningAccuracy(metrics.get(UA)).setRetainAccuracy(metrics.get(RA)).setTestAccuracy(metrics.get(TA))
                .setMiaEfficacy(metrics.get(MIA)).setConceptAccuracy(metrics.get(CONCEPT_ACC)).setNonConceptAccuracy(metrics.get(NONCONCEPT_ACC))
                .setMetrics(new TreeMap<>(metrics)).setVerdict(j.verdict()).setFailingCriteria(j.failing())
                .setThresholds(new TreeMap<>(j.thresholds())).setForgetting(evidence).build();
    }

    /** The artifact was refused (sha256): REJECTED, nothing measured. */
    static EvaluationReport refused(ModelVersion v, String reason, Instant now) {
        return start(v, now).setVerdict(Verdict.REJECTED).setFailingCriteria(List.of(reason)).build();
    }

    /** The version could not be judged (unknown parent, other dataset, engine error): INCONCLUSIVE, never served. */
    static EvaluationReport notJudged(ModelVersion v, String reason, Instant now) {
        return start(v, now).setVerdict(Verdict.INCONCLUSIVE).setFailingCriteria(List.of("not judged: " + reason)).build();
    }

    /**
     * The challenge report: the basic report's verdict and numbers unchanged (statuses went out with the basic
     * report), plus the challenge; failing worst-case criteria are appended, prefixed {@code worst-case}.
     */
    static EvaluationReport challenge(EvaluationReport basic, WorstCaseChallenge wc, List<String> challengeFailing, Instant now) {
        List<String> failing = new ArrayList<>(basic.getFailingCriteria());
        failing.addAll(challengeFailing);
        return EvaluationReport.newBuilder(basic).setWorstCase(wc).setFailingCriteria(failing).setEvaluatedAt(now).build();
    }

    static RequestStatus status(EvaluationReport report, String requestId, Instant now) {
        boolean certified = report.getVerdict() == Verdict.CERTIFIED;
        String reason = certified ? "version " + report.getVersionId() + " CERTIFIED by the evaluator"
                : "version " + report.getVersionId() + " " + report.getVerdict() + " by the evaluator: "
                        + String.join("; ", report.getFailingCriteria()) + "; the requests stay recorded, resubmit them after fixing the method";
        return RequestStatus.newBuilder().setRequestId(requestId)
                .setKind(report.getKind() == ModelVersionKind.SUPPRESSED ? RequestKind.CONCEPT : RequestKind.DELETION)
                .setState(certified ? RequestState.VERIFIED : RequestState.FAILED).setReason(reason)
                .setModelId(report.getModelId()).setVersionId(report.getVersionId()).setEmittedBy(SERVICE).setOccurredAt(now).build();
    }

    private static EvaluationReport.Builder start(ModelVersion v, Instant now) {
        return EvaluationReport.newBuilder().setVersionId(v.getVersionId()).setModelId(v.getModelId()).setVersion(v.getVersion())
                .setKind(v.getKind()).setMethod(v.getMethod()).setAppliedRequestIds(v.getAppliedRequestIds())
                .setMetrics(Map.of()).setThresholds(Map.of()).setFailingCriteria(List.of()).setEvaluatedAt(now);
    }
}
