package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import java.util.Map;

/**
 * Every verdict the evaluator gave a request is backed by a report: VERIFIED names a CERTIFIED version whose lineage applied
 * the request, AWAITING_EVIDENCE a version INCONCLUSIVE on its forgetting evidence, FAILED a version that was not CERTIFIED.
 * A CERTIFIED UNLEARNED or RETRAINED version without forgetting evidence (an evaluator older than the membership gate) is a
 * warning: its certificate rests on weaker criteria.
 */
final class VerdictCheck extends AuditCheck {

    VerdictCheck() {
        super("verdicts", "each VERIFIED / AWAITING_EVIDENCE / FAILED from the evaluator is backed by the report of the version it names");
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        Map<String, EvaluationReport> reports = ReportCheck.latestByVersion(log);
        VersionIndex versions = new VersionIndex(log.versions());
        for (RequestStatus s : log.statuses()) {
            if (!"evaluator".equals(s.getEmittedBy()) || s.getVersionId() == null) {
                continue;
            }
            String versionId = s.getVersionId();
            EvaluationReport r = reports.get(versionId);
            String subject = s.getRequestId();
            if (r == null) {
                result.fail(subject, s.getState() + " names version " + versionId + ", which has no evaluation report");
            } else if (s.getState() == RequestState.VERIFIED && r.getVerdict() != Verdict.CERTIFIED) {
                result.fail(subject, "VERIFIED by version " + versionId + ", whose report is " + r.getVerdict());
            } else if (s.getState() == RequestState.VERIFIED && versions.lineage(versionId).stream()
                    .noneMatch(v -> v.getAppliedRequestIds().contains(s.getRequestId()))) {
                result.fail(subject, "VERIFIED by version " + versionId + ", although neither it nor an ancestor applied the request");
            } else if (s.getState() == RequestState.AWAITING_EVIDENCE && (r.getVerdict() != Verdict.INCONCLUSIVE || r.getForgetting() == null)) {
                result.fail(subject, "AWAITING_EVIDENCE from version " + versionId + ", whose report is " + r.getVerdict()
                        + (r.getForgetting() == null ? " without forgetting evidence" : ""));
            } else if (s.getState() == RequestState.FAILED && r.getVerdict() == Verdict.CERTIFIED) {
                result.fail(subject, "FAILED by version " + versionId + ", whose report is CERTIFIED");
            } else {
                result.pass();
            }
        }
        for (ModelVersion v : log.versions()) {
            EvaluationReport r = reports.get(v.getVersionId());
            boolean forgetting = v.getKind() == ModelVersionKind.UNLEARNED || v.getKind() == ModelVersionKind.RETRAINED;
            if (forgetting && r != null && r.getVerdict() == Verdict.CERTIFIED && r.getForgetting() == null) {
                result.warn(v.getVersionId(), "CERTIFIED without forgetting evidence (judged by an evaluator older than the membership gate)");
            }
        }
    }
}
