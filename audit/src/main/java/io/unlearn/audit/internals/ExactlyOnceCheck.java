package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every accepted request was applied exactly once. A DELETION is in the appliedRequestIds of exactly one
 * version of its model that no escalation superseded (a superseded version's requests are re-applied by the version
 * that supersedes it), a CONCEPT in exactly one SUPPRESSED version. In none is fine when the request
 * ended FAILED or REJECTED (it counts as failed, with its reason), and for a DELETION acknowledged APPLIED
 * against a version that had already forgotten all of its samples (the worker's "already forgotten" path;
 * verified against unlearn.catalog.forgotten). Otherwise the request is pending: a warning while its
 * deadline lies ahead of the newest record read, a failure once it has passed (a request neither applied
 * nor failed after its deadline is what exactly-once delivery promises never to happen). Also: every
 * request a version applies was accepted for that model.
 */
public final class ExactlyOnceCheck extends AuditCheck {
    public ExactlyOnceCheck() {
        super("exactly-once", "each accepted request applied by exactly one version (or failed with a reason)");
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        Supersessions supersessions = new Supersessions(log);
        VersionIndex versions = supersessions.versions();
        Map<String, Set<String>> forgottenBy = new HashMap<>();
        for (ForgottenSample f : log.forgotten()) {
            forgottenBy.computeIfAbsent(f.getVersionId(), v -> new HashSet<>()).add(f.getSampleId());
        }
        Map<String, Long> acceptances = log.accepted().stream().collect(Collectors.groupingBy(AcceptedRequest::getRequestId, Collectors.counting()));
        for (RequestHistory request : RequestHistory.of(log).values()) {
            if (request.accepted() == null) {
                continue;
            }
            if (acceptances.get(request.requestId()) > 1) {
                result.warn(request.requestId(), "accepted " + acceptances.get(request.requestId()) + " times on unlearn.requests.accepted");
            }
            List<ModelVersion> all = versions.applying(request.modelId(), request.requestId());
            List<ModelVersion> applying = all.stream().filter(v -> supersessions.supersededBy(v.getVersionId()).isEmpty()).toList();
            if (applying.isEmpty() && !all.isEmpty()) {
                applying = List.of(all.get(all.size() - 1)); // every version applying it was superseded (supersession checks the rest)
            }
            if (applying.size() > 1) {
                result.fail(request.requestId(), "applied more than once: by " + ids(applying) + " (exactly one version may apply a request)");
            } else if (applying.size() == 1) {
                ModelVersion v = applying.get(0);
                if (request.kind() == RequestKind.CONCEPT && v.getKind() != ModelVersionKind.SUPPRESSED) {
                    result.fail(request.requestId(), "concept request applied by " + v.getVersionId() + ", a " + v.getKind() + " version, not SUPPRESSED");
                } else {
                    result.pass();
                }
            } else {
                notApplied(request, versions, forgottenBy, log, result);
            }
        }
        Set<String> accepted = log.accepted().stream().map(a -> a.getModelId() + "|" + a.getRequestId()).collect(Collectors.toSet());
        for (ModelVersion v : log.versions()) {
            v.getAppliedRequestIds().stream().filter(r -> !accepted.contains(v.getModelId() + "|" + r)).forEach(r ->
                    result.fail(v.getVersionId(), "applies request " + r + ", which was never accepted for " + v.getModelId()));
        }
    }

    private static void notApplied(RequestHistory request, VersionIndex versions, Map<String, Set<String>> forgottenBy, AuditLog log,
                                   CheckResultBuilder result) {
        RequestState state = request.finalState();
        if (state == RequestState.FAILED || state == RequestState.REJECTED) {
            result.pass();
            return;
        }
        RequestStatus applied = request.first(RequestState.APPLIED).orElse(null);
        if (applied != null && request.kind() == RequestKind.DELETION) {
            String by = applied.getVersionId() == null ? null : applied.getVersionId().toString();
            Set<String> forgotten = new HashSet<>();
            versions.lineage(by).forEach(v -> forgotten.addAll(forgottenBy.getOrDefault(v.getVersionId(), Set.of())));
            List<String> notForgotten = request.accepted().getSampleIds().stream().filter(id -> !forgotten.contains(id)).toList();
            if (by != null && versions.get(by) != null && notForgotten.isEmpty()) {
                result.pass();
            } else {
                result.fail(request.requestId(), "APPLIED against " + by + " although no version applies it, and "
                        + (by == null || versions.get(by) == null ? "that version does not exist" : "samples " + notForgotten
                        + " were never forgotten by " + by + " or its ancestors"));
            }
            return;
        }
        if (applied != null) {
            result.fail(request.requestId(), "reached APPLIED (version " + applied.getVersionId() + ") but no SUPPRESSED version applies it");
        } else if (log.newestRecordAt() != null && log.newestRecordAt().isAfter(request.accepted().getDeadline())) {
            result.fail(request.requestId(), "accepted but applied by no version and neither FAILED nor REJECTED (still " + state
                    + ") although its deadline " + request.accepted().getDeadline() + " has passed");
        } else {
            result.warn(request.requestId(), "pending: accepted, not applied by any version yet (still " + state + ")");
            result.pass();
        }
    }

    private static String ids(List<ModelVersion> versions) {
        return versions.stream().map(ModelVersion::getVersionId).collect(Collectors.joining(", "));
    }
}
