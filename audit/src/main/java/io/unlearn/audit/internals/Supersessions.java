package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.Verdict;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the log says about escalations: which version supersedes which (ModelVersion.supersedes), which UNLEARNED or
 * RETRAINED versions were REJECTED (their last report), and which versions were abandoned — superseded, REJECTED, or
 * built on such a version — so that nothing may build on them.
 */
final class Supersessions {
    private final VersionIndex versions;
    private final Map<String, EvaluationReport> reports;
    private final Map<String, ModelVersion> supersededBy = new HashMap<>();

    Supersessions(AuditLog log) {
        this.versions = new VersionIndex(log.versions());
        this.reports = ReportCheck.latestByVersion(log);
        log.versions().forEach(v -> v.getSupersedes().forEach(id -> supersededBy.putIfAbsent(id, v)));
    }

    VersionIndex versions() {
        return versions;
    }

    /** The first version that lists {@code versionId} in its supersedes. */
    Optional<ModelVersion> supersededBy(String versionId) {
        return Optional.ofNullable(supersededBy.get(versionId));
    }

    /** An UNLEARNED or RETRAINED version whose last report is REJECTED. */
    boolean rejected(ModelVersion v) {
        EvaluationReport r = reports.get(v.getVersionId());
        return (v.getKind() == ModelVersionKind.UNLEARNED || v.getKind() == ModelVersionKind.RETRAINED) && r != null
                && r.getVerdict() == Verdict.REJECTED;
    }

    /** The verdict of the version's last report, if any. */
    Optional<Verdict> verdict(String versionId) {
        return Optional.ofNullable(reports.get(versionId)).map(EvaluationReport::getVerdict);
    }

    /** Superseded, REJECTED, or built on such a version. */
    boolean abandoned(ModelVersion v) {
        return versions.lineage(v.getVersionId()).stream().anyMatch(a -> supersededBy.containsKey(a.getVersionId()) || rejected(a));
    }
}
