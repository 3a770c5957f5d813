package io.unlearn.audit.internals;

import io.unlearn.audit.AuditResult;
import io.unlearn.audit.CheckResult;
import io.unlearn.audit.Finding;
import java.util.List;

/** The audit as one self-contained HTML page (inline CSS, no scripts, no external resources). */
public final class HtmlReport {
    private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
            + "th{background:#f3f3f3}.ok{background:#e8f6e8}.bad{background:#fbe3e3}.warn{background:#fff6d6}"
            + ".verdict{font-size:1.3em;font-weight:600;padding:.5em 1em;display:inline-block}td.n{text-align:right}"
            + "code{font-size:12px}";

    private HtmlReport() {
    }

    public static String render(AuditResult r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>unlearn audit replay</title><style>")
                .append(CSS).append("</style></head><body>\n<h1>Audit replay</h1>\n");
        h.append("<p class=\"verdict ").append(r.verified() ? "ok" : "bad").append("\">").append(esc(r.verdictLine())).append("</p>\n");
        h.append("<p>Models ").append(esc(String.join(", ", r.models()))).append("; newest record read ")
                .append(esc(r.asOf() == null ? "none" : r.asOf().toString())).append(".</p>\n<h2>Checks</h2>\n<table><tr><th>check</th>"
                        + "<th>passed</th><th>failed</th><th>warnings</th><th>what it verifies</th></tr>\n");
        for (CheckResult c : r.checks()) {
            h.append("<tr class=\"").append(c.failed() > 0 ? "bad" : c.warnings() > 0 ? "warn" : "ok").append("\"><td>").append(esc(c.check()))
                    .append("</td><td class=\"n\">").append(c.passed()).append("</td><td class=\"n\">").append(c.failed())
                    .append("</td><td class=\"n\">").append(c.warnings()).append("</td><td>").append(esc(c.description())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        findings("Failures", "bad", r.failures(), h);
        findings("Warnings", "warn", r.warnings(), h);
        h.append("<h2>Requests by final state</h2>\n<table><tr><th>state</th><th>requests</th><th>ids (reasons)</th></tr>\n");
        r.requests().forEach((state, list) -> h.append("<tr><td>").append(state).append("</td><td class=\"n\">").append(list.size())
                .append("</td><td><details><summary>show</summary>").append(String.join("<br>", list.stream().map(q -> "<code>"
                        + esc(q.requestId()) + "</code> " + esc(q.modelId()) + (q.reason().isEmpty() ? "" : " — " + esc(q.reason()))).toList()))
                .append("</details></td></tr>\n"));
        h.append("</table>\n<h2>Versions</h2>\n<table><tr><th>version</th><th>kind</th><th>method</th><th>requests</th><th>published</th>"
                + "<th>verdict</th></tr>\n");
        for (AuditResult.VersionSummary v : r.versions()) {
            String cls = v.verdict().equals("CERTIFIED") ? "ok" : v.verdict().equals("-") ? "" : "warn";
            h.append("<tr class=\"").append(cls).append("\"><td>").append(esc(v.versionId())).append("</td><td>").append(esc(v.kind()))
                    .append("</td><td>").append(esc(v.method())).append("</td><td class=\"n\">").append(v.appliedRequests()).append("</td><td>")
                    .append(v.createdAt()).append("</td><td>").append(esc(v.verdict()))
                    .append(v.failingCriteria().isEmpty() ? "" : ": " + esc(String.join("; ", v.failingCriteria()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        List<String> supersessions = r.versions().stream().map(AuditResult.VersionSummary::supersession).filter(x -> x != null).toList();
        if (!supersessions.isEmpty()) {
            h.append("<h2>Supersessions (escalations after a rejection)</h2>\n<ul>\n");
            supersessions.forEach(x -> h.append("<li>").append(esc(x)).append("</li>\n"));
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void findings(String title, String cls, List<Finding> findings, StringBuilder h) {
        h.append("<h2>").append(title).append(" (").append(findings.size()).append(")</h2>\n");
        if (findings.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        h.append("<table><tr><th>check</th><th>subject</th><th>what is wrong</th></tr>\n");
        findings.forEach(f -> h.append("<tr class=\"").append(cls).append("\"><td>").append(esc(f.check())).append("</td><td><code>")
                .append(esc(f.subject())).append("</code></td><td>").append(esc(f.message())).append("</td></tr>\n"));
        h.append("</table>\n");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
