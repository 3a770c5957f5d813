package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every version but a BASE has an evaluation report (unlearn.eval.reports, key versionId). A version
 * published less than {@code grace} before the newest record read is only warned about: on a live system
 * the evaluator may simply not have finished it yet.
 */
public final class ReportCheck extends AuditCheck {
    private final Duration grace;

    public ReportCheck(Duration grace) {
        super("reports", "every version except BASE has an evaluation report");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        Map<String, EvaluationReport> reports = latestByVersion(log);
        for (ModelVersion v : log.versions()) {
            if (v.getKind() == ModelVersionKind.BASE || reports.containsKey(v.getVersionId())) {
                result.pass();
            } else if (log.newestRecordAt() != null && v.getCreatedAt().plus(grace).isBefore(log.newestRecordAt())) {
                result.fail(v.getVersionId(), "version " + v.getVersionId() + " has no evaluation report (published " + v.getCreatedAt()
                        + ", " + DeadlineCheck.late(v.getCreatedAt(), log.newestRecordAt()) + " before the newest record read)");
            } else {
                result.warn(v.getVersionId(), "no evaluation report yet: published " + v.getCreatedAt() + ", within --report-grace " + grace
                        + " of the newest record read");
                result.pass();
            }
        }
    }

    /** The last report written for each version (a later report supersedes an earlier one). */
    static Map<String, EvaluationReport> latestByVersion(AuditLog log) {
        Map<String, EvaluationReport> out = new HashMap<>();
        log.reports().forEach(r -> out.put(r.getVersionId(), r));
        return out;
    }
}
