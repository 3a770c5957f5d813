package io.unlearn.audit.internals;

import io.unlearn.audit.AuditResult;
import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import io.unlearn.events.RequestState;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The audit as people read it on a terminal: the checks table, the picture, then every failure and warning on one line. */
public final class TextReport {
    /** Failed and rejected requests listed by name before the rest are only counted (the JSON has them all). */
    static final int MAX_LISTED_REQUESTS = 20;

    private TextReport() {
    }

    /** The whole text, without the final verdict line ({@link AuditResult#verdictLine()}). */
    public static String render(AuditResult r) {
        StringBuilder out = new StringBuilder();
        int requests = r.requests().values().stream().mapToInt(List::size).sum();
        out.append("Audit of ").append(r.models().size()).append(" model(s) ").append(r.models()).append(": ")
                .append(r.versions().size()).append(" version(s), ").append(requests).append(" request(s); newest record ")
                .append(r.asOf() == null ? "none (the log is empty)" : r.asOf()).append("\n\n");
        out.append(String.format("%-17s %8s %8s %8s %8s  %s%n", "check", "subjects", "passed", "failed", "warnings", "what it verifies"));
        for (CheckResult c : r.checks()) {
            out.append(String.format("%-17s %8d %8d %8d %8d  %s%n", c.check(), c.passed() + c.failed(), c.passed(), c.failed(),
                    c.warnings(), c.description()));
        }
        out.append("\nRequests by final state: ").append(r.requests().isEmpty() ? "none" : r.requests().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().size()).collect(Collectors.joining(", "))).append('\n');
        failedRequests(r.requests(), out);
        out.append("\nVersions:\n");
        for (AuditResult.VersionSummary v : r.versions()) {
            out.append(String.format("  %-28s %-10s %-16s %4d request(s)  %s%s%n", v.versionId(), v.kind(), v.method(), v.appliedRequests(),
                    v.verdict(), v.failingCriteria().isEmpty() ? "" : " (" + String.join("; ", v.failingCriteria()) + ")"));
        }
        List<String> supersessions = r.versions().stream().map(AuditResult.VersionSummary::supersession).filter(x -> x != null).toList();
        if (!supersessions.isEmpty()) {
            out.append("\nSupersessions (escalations after a rejection):\n");
            supersessions.forEach(x -> out.append("  ").append(x).append('\n'));
        }
        section("Failures", r.failures(), out);
        section("Warnings", r.warnings(), out);
        return out.toString();
    }

    private static void failedRequests(Map<RequestState, List<AuditResult.RequestSummary>> requests, StringBuilder out) {
        List<AuditResult.RequestSummary> failed = requests.entrySet().stream()
                .filter(e -> e.getKey() == RequestState.FAILED || e.getKey() == RequestState.REJECTED)
                .flatMap(e -> e.getValue().stream()).toList();
        failed.stream().limit(MAX_LISTED_REQUESTS).forEach(f -> out.append("  ").append(f.finalState()).append(' ')
                .append(f.requestId()).append(": ").append(f.reason().isEmpty() ? "(no reason given)" : f.reason()).append('\n'));
        if (failed.size() > MAX_LISTED_REQUESTS) {
            out.append("  ... and ").append(failed.size() - MAX_LISTED_REQUESTS).append(" more (see --out)\n");
        }
    }

    private static void section(String title, List<Finding> findings, StringBuilder out) {
        out.append('\n').append(title).append(" (").append(findings.size()).append(")").append(findings.isEmpty() ? ": none\n" : ":\n");
        findings.forEach(f -> out.append("  ").append(f.line()).append('\n'));
    }
}
