package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every verdict the evaluator gave a request is backed by a report of the version it names (its basic report or its
 * challenge report, which may come later and turn a CERTIFIED or INCONCLUSIVE version into REJECTED): VERIFIED names a version
 * CERTIFIED by some report whose lineage applied the request (a later failed challenge does not undo it: VERIFIED is final),
 * AWAITING_EVIDENCE a version INCONCLUSIVE on its forgetting evidence, FAILED a version some report did not certify, and
 * ESCALATING a version REJECTED by some report (basic or challenge), or a later version of its lineage that was. A
 * CERTIFIED UNLEARNED or RETRAINED version without forgetting evidence (an evaluator older than the membership gate) is a
 * warning: its certificate rests on weaker criteria.
 */
final class VerdictCheck extends AuditCheck {

    VerdictCheck() {
        super("verdicts", "each VERIFIED / AWAITING_EVIDENCE / ESCALATING / FAILED from the evaluator is backed by a report of the version it names");
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        Map<String, List<EvaluationReport>> reports = new HashMap<>();
        log.reports().forEach(r -> reports.computeIfAbsent(r.getVersionId(), k -> new ArrayList<>()).add(r));
        VersionIndex versions = new VersionIndex(log.versions());
        for (RequestStatus s : log.statuses()) {
            if (!"evaluator".equals(s.getEmittedBy()) || s.getVersionId() == null) {
                continue;
            }
            String versionId = s.getVersionId();
            List<EvaluationReport> of = reports.getOrDefault(versionId, List.of());
            String subject = s.getRequestId();
            String verdicts = of.stream().map(r -> r.getVerdict().name()).distinct().collect(Collectors.joining(" then "));
            if (of.isEmpty()) {
                result.fail(subject, s.getState() + " names version " + versionId + ", which has no evaluation report");
            } else if (s.getState() == RequestState.VERIFIED && !any(of, Verdict.CERTIFIED)) {
                result.fail(subject, "VERIFIED by version " + versionId + ", whose report is " + verdicts);
            } else if (s.getState() == RequestState.VERIFIED && versions.lineage(versionId).stream()
                    .noneMatch(v -> v.getAppliedRequestIds().contains(s.getRequestId()))) {
                result.fail(subject, "VERIFIED by version " + versionId + ", although neither it nor an ancestor applied the request");
            } else if (s.getState() == RequestState.AWAITING_EVIDENCE
                    && of.stream().noneMatch(r -> r.getVerdict() == Verdict.INCONCLUSIVE && r.getForgetting() != null)) {
                result.fail(subject, "AWAITING_EVIDENCE from version " + versionId + ", whose report is " + verdicts
                        + (of.stream().allMatch(r -> r.getForgetting() == null) ? " without forgetting evidence" : ""));
            } else if (s.getState() == RequestState.FAILED && of.stream().allMatch(r -> r.getVerdict() == Verdict.CERTIFIED)) {
                result.fail(subject, "FAILED by version " + versionId + ", whose report is CERTIFIED");
            } else if (s.getState() == RequestState.ESCALATING && !rejectedHereOrLater(versionId, reports, versions, log)) {
                result.fail(subject, "ESCALATING from version " + versionId + ", whose report is " + verdicts
                        + " and no later version of its lineage was REJECTED");
            } else {
                result.pass();
            }
        }
        Map<String, EvaluationReport> latest = ReportCheck.latestByVersion(log);
        for (ModelVersion v : log.versions()) {
            EvaluationReport r = latest.get(v.getVersionId());
            boolean forgetting = v.getKind() == ModelVersionKind.UNLEARNED || v.getKind() == ModelVersionKind.RETRAINED;
            if (forgetting && r != null && r.getVerdict() == Verdict.CERTIFIED && r.getForgetting() == null) {
                result.warn(v.getVersionId(), "CERTIFIED without forgetting evidence (judged by an evaluator older than the membership gate)");
            }
        }
    }

    private static boolean any(List<EvaluationReport> reports, Verdict verdict) {
        return reports.stream().anyMatch(r -> r.getVerdict() == verdict);
    }

    /** A REJECTED report of the version, or of a version whose lineage includes it. */
    private static boolean rejectedHereOrLater(String versionId, Map<String, List<EvaluationReport>> reports, VersionIndex versions, AuditLog log) {
        return any(reports.getOrDefault(versionId, List.of()), Verdict.REJECTED) || log.versions().stream()
                .filter(v -> !v.getVersionId().equals(versionId) && any(reports.getOrDefault(v.getVersionId(), List.of()), Verdict.REJECTED))
                .anyMatch(v -> versions.lineage(v.getVersionId()).stream().anyMatch(a -> a.getVersionId().equals(versionId)));
    }
}
