package io.unlearn.demo;

import static io.unlearn.demo.DemoHtml.esc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * The demo's self-contained HTML report (charts embedded as PNG data, no external resources): the audit's verdict and
 * link, what the verdicts mean with each version's evidence, versions and their metrics, worst-case challenges,
 * latency by stage, and every request's timeline. Each section is its own class.
 */
final class DemoReport {
    static final String FILE = "demo-report.html";

    private DemoReport() {
    }

    static Path write(DemoFacts f, DemoOptions o, double seconds) {
        System.setProperty("java.awt.headless", "true");
        Path file = o.reportDir().resolve(FILE);
        try {
            Files.createDirectories(o.reportDir());
            Files.writeString(file, html(f, o, seconds));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + o.reportDir() + ": " + e.getMessage(), e);
        }
    }

    static String html(DemoFacts f, DemoOptions o, double seconds) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>unlearn demo report</title><style>")
                .append(DemoHtml.STYLE).append("</style></head><body>");
        h.append("<h1>unlearn demo report</h1><p>").append(esc(String.format(Locale.ROOT,
                "%s · model %s · %d Fashion-MNIST training samples · base %d epochs · method %s · %d requests published (%d re-sends) · %.0f s",
                Instant.now(), o.modelId(), o.trainSamples(), o.baseEpochs(), o.weakFirstBatch() ? o.method() + " (the first batch by "
                        + DemoWeakBatch.DESCRIPTION + ", weak on purpose, until the worker escalates on its own)" : o.method(), f.published, f.resent,
                seconds))).append("</p>");
        h.append("<p>Requests: ").append(esc(f.byState.toString())).append(" · ").append(esc(f.latencyLine())).append("</p>");
        if (!f.groupedOutcomes().isEmpty()) {
            h.append("<ul class=\"outcomes\">");
            f.groupedOutcomes().forEach(l -> h.append("<li>").append(esc(l)).append("</li>"));
            h.append("</ul>");
        }
        if (f.awaitingEvidence() > 0) {
            h.append("<p class=\"note\">AWAITING_EVIDENCE is pending, not final: the version's forget set was too small for the "
                    + "forgetting gate to decide, and a later version of the lineage decides it.</p>");
        }
        if (!f.supersessions().isEmpty()) {
            h.append("<section id=\"escalations\"><h2>Escalations</h2><p>A REJECTED version marks its method unreliable for the "
                    + "model: the worker re-applied its requests (and those of the versions between it and the last certified version, "
                    + "or built on it) with the next method of its escalation ladder, as a version on the last certified version that "
                    + "supersedes them. Registries never serve a superseded version.</p><ul class=\"outcomes\">");
            f.supersessions().forEach(l -> h.append("<li>").append(esc(l)).append("</li>"));
            h.append("</ul></section>");
        }
        DemoReportAudit.append(h);
        h.append("<nav><a href=\"#verdicts\">verdicts</a><a href=\"#versions\">versions</a><a href=\"#challenges\">worst-case</a>"
                + "<a href=\"#stages\">latency by stage</a><a href=\"#timeline\">per-request timeline</a></nav>");
        DemoReportVerdicts.append(h, f);
        versions(h, f);
        DemoReportStages.append(h, f);
        DemoReportTimeline.append(h, f);
        return h.append("</body></html>\n").toString();
    }

    private static void versions(StringBuilder h, DemoFacts f) {
        h.append("<section id=\"versions\"><h2>Model versions</h2>");
        DemoHtml.table(h, "version-table", DemoSummary.VERSION_HEADER, f.versionRows, 11);
        DemoHtml.chart(h, DemoCharts.metricsPerVersion(f), "metrics per version", "UA, RA, TA and MIA-Efficacy of every measured "
                + "version, in percent. Higher UA and MIA mean more forgotten; RA and TA are the utility kept.");
        DemoHtml.chart(h, DemoCharts.forgetVersusRetain(f), "forget vs retain accuracy", "Per UNLEARNED version: accuracy on what it "
                + "forgot (lower is better) next to accuracy on what it kept and on the test set.");
        h.append("</section><section id=\"challenges\"><h2>Worst-case challenges</h2>");
        if (f.challengeRows.isEmpty()) {
            h.append("<p>None finished within the wait.</p>");
        } else {
            DemoHtml.table(h, "challenge-table", DemoSummary.CHALLENGE_HEADER, f.challengeRows, 9);
        }
        DemoHtml.chart(h, DemoCharts.worstVersusRandom(f), "worst-case vs requested forget set", "UA on the request's own forget set "
                + "versus on the hardest set of the same size. A bar labelled 0.0 has height zero: the method forgot none of that set "
                + "(an exact retrain scores about the same there, which is why UA on it is reported, not judged).");
        h.append("</section>");
    }
}
