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
import java.util.Optional;
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

    /** Whether the report is INCONCLUSIVE because its forgetting evidence is still too small (its requests wait for a later version). */
    static boolean awaitsEvidence(EvaluationReport report) {
        return report.getVerdict() == Verdict.INCONCLUSIVE && report.getForgetting() != null
                && report.getForgetting().getDecision() == Verdict.INCONCLUSIVE;
    }

    /**
     * What a version's report decides for the requests of earlier versions of its lineage that still await evidence (its
     * cumulative forget set holds their samples), only when it carries forgetting evidence: VERIFIED when it is CERTIFIED; FAILED when its lineage-wide membership
     * tests show membership; nothing when it was rejected for another reason (its own batch, its utility) or is undecided.
     */
    static Optional<RequestState> decisionForEarlierRequests(EvaluationReport report) {
        ForgettingEvidence e = report.getForgetting();
        if (e == null) {
            return Optional.empty(); // no forgetting evidence (a BASE, a SUPPRESSED version, an unjudged one): it decides no deletion
        }
        if (report.getVerdict() == Verdict.CERTIFIED) {
            return Optional.of(RequestState.VERIFIED);
        }
        boolean lineageShowsMembership = report.getVerdict() == Verdict.REJECTED && e != null && e.getTests().stream()
                .anyMatch(t -> t.getScope().equals("lineage") && t.getModel().equals("version") && t.getInformative()
                        && (t.getCiLow() > e.getTolerance() || t.getCiHigh() < -e.getTolerance()));
        return lineageShowsMembership ? Optional.of(RequestState.FAILED) : Optional.empty();
    }

    static RequestStatus status(EvaluationReport report, String requestId, Instant now) {
        RequestState state = report.getVerdict() == Verdict.CERTIFIED ? RequestState.VERIFIED
                : awaitsEvidence(report) ? RequestState.AWAITING_EVIDENCE : RequestState.FAILED;
        String reason = switch (state) {
            case VERIFIED -> "version " + report.getVersionId() + " CERTIFIED by the evaluator";
            case AWAITING_EVIDENCE -> "version " + report.getVersionId() + " INCONCLUSIVE: " + String.join("; ", report.getFailingCriteria())
                    + "; a later version of the lineage, whose forget set includes this request's samples, decides it";
            default -> "version " + report.getVersionId() + " " + report.getVerdict() + " by the evaluator: "
                    + String.join("; ", report.getFailingCriteria()) + "; the requests stay recorded, resubmit them after fixing the method";
        };
        return status(report, requestId, state, reason, report.getVersionId(), now);
    }

    /** A request of {@code earlier} (which awaited evidence) decided by the later version {@code decider}. */
    static RequestStatus decidedLater(EvaluationReport earlier, EvaluationReport decider, String requestId, RequestState state, Instant now) {
        String reason = "version " + earlier.getVersionId() + " was INCONCLUSIVE; the later version " + decider.getVersionId() + " of its lineage, "
                + "judged on " + decider.getForgetting().getForgetSetSize() + " forgotten samples including this request's, was "
                + decider.getVerdict() + (state == RequestState.VERIFIED ? ""
                : ": " + String.join("; ", decider.getFailingCriteria()) + "; resubmit the request after fixing the method");
        return status(earlier, requestId, state, reason, decider.getVersionId(), now);
    }

    private static RequestStatus status(EvaluationReport report, String requestId, RequestState state, String reason, String versionId,
            Instant now) {
        return RequestStatus.newBuilder().setRequestId(requestId)
                .setKind(report.getKind() == ModelVersionKind.SUPPRESSED ? RequestKind.CONCEPT : RequestKind.DELETION)
                .setState(state).setReason(reason).setModelId(report.getModelId()).setVersionId(versionId)
                .setEmittedBy(SERVICE).setOccurredAt(now).build();
    }

    private static EvaluationReport.Builder start(ModelVersion v, Instant now) {
        return EvaluationReport.newBuilder().setVersionId(v.getVersionId()).setModelId(v.getModelId()).setVersion(v.getVersion())
                .setKind(v.getKind()).setMethod(v.getMethod()).setAppliedRequestIds(v.getAppliedRequestIds())
                .setMetrics(Map.of()).setThresholds(Map.of()).setFailingCriteria(List.of()).setEvaluatedAt(now);
    }
}
