package io.unlearn.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The demo's self-contained HTML report (charts embedded as PNG data, no external resources). */
final class DemoReport {

    private DemoReport() {
    }

    static Path write(DemoFacts f, DemoOptions o, double seconds) {
        System.setProperty("java.awt.headless", "true");
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>unlearn demo report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:left}")
                .append("th{background:#f2f2f2}.CERTIFIED,.VERIFIED,.passed{color:#17702a;font-weight:600}")
                .append(".REJECTED,.FAILED,.failed{color:#b3261e;font-weight:600}img{max-width:100%;border:1px solid #eee;margin:.5em 0}")
                .append("</style></head><body>");
        h.append("<h1>unlearn demo report</h1><p>").append(esc(String.format(Locale.ROOT,
                "%s · model %s · %d Fashion-MNIST training samples · method %s · %d requests published (%d re-sends) · %.0f s",
                Instant.now(), o.modelId(), o.trainSamples(), o.method(), f.published, f.resent, seconds))).append("</p>");
        h.append("<h2>Requests</h2><p>").append(esc(f.byState.toString())).append(" · ").append(esc(f.latencyLine())).append("</p>");
        chart(h, DemoCharts.latencyHistogram(f), "request latency");
        h.append("<h2>Model versions</h2>");
        table(h, DemoSummary.VERSION_HEADER, f.versionRows, 10);
        chart(h, DemoCharts.metricsPerVersion(f), "metrics per version");
        chart(h, DemoCharts.forgetVersusRetain(f), "forget vs retain accuracy");
        h.append("<h2>Worst-case challenges</h2>");
        if (f.challengeRows.isEmpty()) {
            h.append("<p>None finished within the wait.</p>");
        } else {
            table(h, DemoSummary.CHALLENGE_HEADER, f.challengeRows, 9);
        }
        chart(h, DemoCharts.worstVersusRandom(f), "worst-case vs requested forget set");
        h.append("<h2>Every request</h2>");
        table(h, new String[] {"request", "what", "final state", "version", "reason"}, f.requestRows, 2);
        h.append("</body></html>\n");
        try {
            Files.createDirectories(o.reportDir());
            Path file = o.reportDir().resolve("demo-report.html");
            Files.writeString(file, h);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + o.reportDir() + ": " + e.getMessage(), e);
        }
    }

    private static void chart(StringBuilder h, String png, String alt) {
        if (png != null) {
            h.append("<img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,").append(png).append("\">");
        }
    }

    /** @param classColumn the column whose value also becomes the cell's CSS class (verdicts, states) */
    private static void table(StringBuilder h, String[] header, List<String[]> rows, int classColumn) {
        h.append("<table><tr>");
        for (String c : header) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>");
        for (String[] r : rows) {
            h.append("<tr>");
            for (int i = 0; i < r.length; i++) {
                h.append(i == classColumn ? "<td class=\"" + esc(r[i]) + "\">" : "<td>").append(esc(r[i])).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
