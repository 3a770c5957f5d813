package io.unlearn.evaluator.internals;

import static io.unlearn.evaluator.MetricKeys.*;

import io.unlearn.evaluator.ChallengeJudgement;
import io.unlearn.evaluator.Judgement;
import io.unlearn.events.ChallengeVerdict;
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
     * The challenge report: the basic report plus the challenge. It binds: a CHALLENGE_FAILED for a version whose basic report
     * was CERTIFIED or INCONCLUSIVE awaiting evidence ({@link #challengeBinds}) makes the report REJECTED, its failing lines
     * the challenge's reasons prefixed {@code worst-case: } (registries stop serving the version); otherwise the basic
     * verdict and failing lines stand. The challenge's thresholds join the basic report's.
     */
    static EvaluationReport challenge(EvaluationReport basic, WorstCaseChallenge wc, ChallengeJudgement j, Instant now) {
        Map<String, Double> thresholds = new TreeMap<>(basic.getThresholds());
        thresholds.putAll(j.thresholds());
        EvaluationReport.Builder b = EvaluationReport.newBuilder(basic).setWorstCase(wc).setThresholds(thresholds).setEvaluatedAt(now);
        if (j.failed() && challengeBinds(basic)) {
            b.setVerdict(Verdict.REJECTED).setFailingCriteria(j.reasons().stream().map(r -> WORST_CASE + r).toList());
        }
        return b.build();
    }

    /** Prefix of the failing lines a failed challenge puts in a report. */
    public static final String WORST_CASE = "worst-case: ";

    /** Whether a failed challenge changes this basic report's verdict: it was CERTIFIED, or INCONCLUSIVE awaiting evidence. */
    static boolean challengeBinds(EvaluationReport basic) {
        return basic.getVerdict() == Verdict.CERTIFIED || awaitsEvidence(basic);
    }

    /**
     * A challenge that could not run after {@code attempts} attempts: verdict UNKNOWN, the error in {@code reasons}; the basic
     * verdict and failing lines unchanged.
     */
    static EvaluationReport challengeNotRun(EvaluationReport basic, int forgetSetSize, String setKind, String reason, int attempts, Instant now) {
        WorstCaseChallenge wc = WorstCaseChallenge.newBuilder().setForgetSetSize(forgetSetSize).setCandidatePoolSize(0).setForgetSetDigest("")
                .setOuterSteps(0).setInnerSteps(0).setSeed(0).setMetrics(Map.of()).setPassed(false).setSetKind(setKind)
                .setVerdict(ChallengeVerdict.UNKNOWN).setReasons(List.of(reason)).setGateDecision(Verdict.UNKNOWN).setAttempts(attempts).build();
        return EvaluationReport.newBuilder(basic).setWorstCase(wc).setEvaluatedAt(now).build();
    }

    /** Whether this challenge report turned its version's basic verdict into REJECTED. */
    static boolean rejectedByChallenge(EvaluationReport challengeReport, EvaluationReport basic) {
        return challengeReport.getVerdict() == Verdict.REJECTED && basic.getVerdict() != Verdict.REJECTED;
    }

    /** The status of a request of a version a failed challenge rejected (it was not final: AWAITING_EVIDENCE). */
    static RequestStatus escalatedByChallenge(EvaluationReport challengeReport, String requestId, Instant now) {
        return status(challengeReport, requestId, RequestState.ESCALATING, rejection(challengeReport), challengeReport.getVersionId(), now);
    }

    private static String rejection(EvaluationReport report) {
        return "version " + report.getVersionId() + " REJECTED: " + String.join("; ", report.getFailingCriteria()) + "; " + ESCALATION;
    }

    /** What happens to a request after its version was rejected. */
    static final String ESCALATION = "the worker re-applies the request with a stronger method on the last certified version, "
            + "or fails it when no stronger method is left";

    /** Whether the report is INCONCLUSIVE because its forgetting evidence is still too small (its requests wait for a later version). */
    static boolean awaitsEvidence(EvaluationReport report) {
        return report.getVerdict() == Verdict.INCONCLUSIVE && report.getForgetting() != null
                && report.getForgetting().getDecision() == Verdict.INCONCLUSIVE;
    }

    /**
     * What a version's report decides for the requests of earlier versions of its lineage that still await evidence (its
     * cumulative forget set holds their samples), only when it carries forgetting evidence: VERIFIED when it is CERTIFIED; ESCALATING
     * when its lineage-wide membership tests show membership (the worker re-applies them with a stronger method); nothing
     * when it was rejected for another reason (its own batch, its utility) or is undecided.
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
        return lineageShowsMembership ? Optional.of(RequestState.ESCALATING) : Optional.empty();
    }

    static RequestStatus status(EvaluationReport report, String requestId, Instant now) {
        RequestState state = report.getVerdict() == Verdict.CERTIFIED ? RequestState.VERIFIED
                : awaitsEvidence(report) ? RequestState.AWAITING_EVIDENCE : escalates(report) ? RequestState.ESCALATING : RequestState.FAILED;
        String reason = switch (state) {
            case VERIFIED -> "version " + report.getVersionId() + " CERTIFIED by the evaluator";
            case AWAITING_EVIDENCE -> "version " + report.getVersionId() + " INCONCLUSIVE: " + String.join("; ", report.getFailingCriteria())
                    + "; a later version of the lineage, whose forget set includes this request's samples, decides it";
            case ESCALATING -> rejection(report);
            default -> "version " + report.getVersionId() + " " + report.getVerdict() + " by the evaluator: "
                    + String.join("; ", report.getFailingCriteria()) + "; the requests stay recorded, resubmit them after fixing the method";
        };
        return status(report, requestId, state, reason, report.getVersionId(), now);
    }

    /**
     * Whether a REJECTED report sends its requests to ESCALATING rather than FAILED: an UNLEARNED or RETRAINED version (the
     * worker can re-apply the requests with a stronger method); a SUPPRESSED one's concept requests fail.
     */
    static boolean escalates(EvaluationReport report) {
        return report.getVerdict() == Verdict.REJECTED
                && (report.getKind() == ModelVersionKind.UNLEARNED || report.getKind() == ModelVersionKind.RETRAINED);
    }

    /**
     * The statuses a basic report decides: one per request the version applied, and, when it decides the requests of earlier
     * versions that awaited evidence ({@link #decisionForEarlierRequests}), one per request of each report in {@code awaiting}.
     */
    static List<RequestStatus> basicStatuses(EvaluationReport report, List<EvaluationReport> awaiting, Instant now) {
        List<RequestStatus> out = new java.util.ArrayList<>();
        report.getAppliedRequestIds().forEach(r -> out.add(status(report, r, now)));
        decisionForEarlierRequests(report).ifPresent(state -> awaiting.forEach(earlier -> earlier.getAppliedRequestIds()
                .forEach(r -> out.add(decidedLater(earlier, report, r, state, now)))));
        return out;
    }

    /** A request of {@code earlier} (which awaited evidence) decided by the later version {@code decider}. */
    static RequestStatus decidedLater(EvaluationReport earlier, EvaluationReport decider, String requestId, RequestState state, Instant now) {
        String reason = "version " + earlier.getVersionId() + " was INCONCLUSIVE; the later version " + decider.getVersionId() + " of its lineage, "
                + "judged on " + decider.getForgetting().getForgetSetSize() + " forgotten samples including this request's, was "
                + decider.getVerdict() + (state == RequestState.VERIFIED ? ""
                : ": " + String.join("; ", decider.getFailingCriteria()) + "; " + ESCALATION);
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
