package io.unlearn.demo;

import static io.unlearn.demo.DemoHtml.esc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report's link to the audit replay. The audit runs after the report is written, so the section links the audit's
 * HTML by its known name and holds a placeholder that {@link #show} replaces with the audit's verdict line.
 */
final class DemoReportAudit {
    /** The audit's files, written next to the report. */
    static final String HTML = "audit.html";
    static final String JSON = "audit.json";
    private static final String PLACEHOLDER = "<span id=\"audit-verdict\" class=\"pending\">the audit replay runs after this report "
            + "is written; open the link for its result</span>";

    private DemoReportAudit() {
    }

    static void append(StringBuilder h) {
        h.append("<section id=\"audit\" class=\"box\"><strong>Audit replay</strong> (the whole log replayed as an auditor runs "
                + "<code>unlearn audit replay</code>: lifecycles, lineage, artifact hashes, exactly-once, reports): ")
                .append(PLACEHOLDER).append(" · <a href=\"").append(HTML).append("\">").append(HTML).append("</a> · <a href=\"")
                .append(JSON).append("\">").append(JSON).append("</a></section>");
    }

    /** Replaces the placeholder in the written report with the audit's verdict line. */
    static void show(Path report, String verdictLine, boolean verified) {
        try {
            String page = Files.readString(report);
            Files.writeString(report, page.replace(PLACEHOLDER, "<span id=\"audit-verdict\" class=\"" + (verified ? "passed" : "failed")
                    + "\">" + esc(verdictLine) + "</span>"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the audit's verdict to " + report + " (" + e.getMessage()
                    + "); the audit itself is in " + report.resolveSibling(HTML), e);
        }
    }
}
