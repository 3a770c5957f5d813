package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.audit.AuditResult;
import io.unlearn.audit.AuditSigners;
import io.unlearn.audit.CheckResult;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Runs every check over a replayed log and gathers the summary the reports print. */
public final class AllChecks {

    private AllChecks() {
    }

    /** Every check, in the order the reports list them; versions get {@code reportGrace} to be evaluated. */
    static List<AuditCheck> inReportOrder(Duration reportGrace, AuditSigners signers) {
        return List.of(new DecodingCheck(), new LifecycleCheck(), new DeadlineCheck(), new LineageCheck(), new SignatureCheck(signers),
                new ArtifactCheck(), new ExactlyOnceCheck(), new ReportCheck(reportGrace), new VerdictCheck(), new ExcludedSamplesCheck(),
                new SupersessionCheck());
    }

    /** Runs every check over {@code log}, with no trusted signer (the signature check warns that it checked nothing). */
    public static AuditResult run(AuditLog log, Duration reportGrace) {
        return run(log, reportGrace, AuditSigners.none());
    }

    /** Runs every check over {@code log}, signatures checked against {@code signers}. */
    public static AuditResult run(AuditLog log, Duration reportGrace, AuditSigners signers) {
        List<CheckResult> results = inReportOrder(reportGrace, signers).stream().map(c -> c.run(log)).toList();
        LinkedHashSet<String> models = new LinkedHashSet<>();
        log.versions().forEach(v -> models.add(v.getModelId()));
        log.accepted().forEach(a -> models.add(a.getModelId()));
        return new AuditResult(log.newestRecordAt(), List.copyOf(models), results, requests(log), versions(log));
    }

    private static Map<RequestState, List<AuditResult.RequestSummary>> requests(AuditLog log) {
        Map<RequestState, List<AuditResult.RequestSummary>> out = new EnumMap<>(RequestState.class);
        for (RequestHistory r : RequestHistory.of(log).values()) {
            out.computeIfAbsent(r.finalState(), s -> new ArrayList<>()).add(new AuditResult.RequestSummary(r.requestId(), r.modelId(),
                    r.kind().name(), r.finalState(), r.reason(), r.deadline().orElse(null)));
        }
        return out;
    }

    private static List<AuditResult.VersionSummary> versions(AuditLog log) {
        Map<String, EvaluationReport> reports = ReportCheck.latestByVersion(log);
        List<AuditResult.VersionSummary> out = new ArrayList<>();
        for (ModelVersion v : log.versions()) {
            EvaluationReport report = reports.get(v.getVersionId());
            String verdict = report != null ? report.getVerdict().name() : v.getKind() == ModelVersionKind.BASE ? "-" : "no report";
            out.add(new AuditResult.VersionSummary(v.getVersionId(), v.getModelId(), v.getVersion(), v.getKind().name(), v.getMethod(),
                    v.getAppliedRequestIds().size(), v.getCreatedAt(), verdict,
                    report == null ? List.of() : List.copyOf(report.getFailingCriteria()), v.getParentVersionId(),
                    List.copyOf(v.getSupersedes()), v.getEscalation()));
        }
        return out;
    }
}
