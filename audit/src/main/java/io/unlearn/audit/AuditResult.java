package io.unlearn.audit;

import io.unlearn.events.RequestState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the audit concluded: the checks, and the picture they were drawn from (requests by final state,
 * versions with their verdicts).
 *
 * @param asOf     the newest record read (the audit's "now"); null when the log was empty
 * @param models   the models audited, in log order
 * @param checks   each check's counts and findings
 * @param requests every request by its final state
 * @param versions every version, in log order, with its evaluator verdict
 */
public record AuditResult(Instant asOf, List<String> models, List<CheckResult> checks,
                          Map<RequestState, List<RequestSummary>> requests, List<VersionSummary> versions) {

    /** One request's outcome. */
    public record RequestSummary(String requestId, String modelId, String kind, RequestState finalState, String reason,
                                 Instant deadline) {
    }

    /** One version and how the evaluator judged it ({@code verdict}: CERTIFIED, REJECTED, ..., "no report", or "-" for BASE). */
    public record VersionSummary(String versionId, String modelId, long version, String kind, String method, int appliedRequests,
                                 Instant createdAt, String verdict, List<String> failingCriteria, String parentVersionId,
                                 List<String> supersedes, String escalation) {

        /** One line for an escalation's version: which versions it superseded, on what, by which method, and why; null otherwise. */
        public String supersession() {
            return supersedes.isEmpty() ? null : versionId + " (" + method + ", on " + parentVersionId + ") supersedes "
                    + String.join(", ", supersedes) + (escalation == null ? "" : ": " + escalation);
        }
    }

    public List<Finding> failures() {
        return findings(Finding.Severity.FAILURE);
    }

    public List<Finding> warnings() {
        return findings(Finding.Severity.WARNING);
    }

    /** Whether everything verified (warnings allowed). */
    public boolean verified() {
        return failures().isEmpty();
    }

    /** The one final line: what the exit code of {@code unlearn audit replay} means. */
    public String verdictLine() {
        if (verified()) {
            return "audit verified: every check passed (" + warnings().size() + " warning(s))";
        }
        String failing = checks.stream().filter(c -> c.failed() > 0).map(CheckResult::check).collect(Collectors.joining(", "));
        return "audit FAILED: " + failures().size() + " failure(s) in " + failing + "; each is listed above";
    }

    private List<Finding> findings(Finding.Severity severity) {
        return checks.stream().flatMap(c -> c.findings().stream()).filter(f -> f.severity() == severity).toList();
    }
}
