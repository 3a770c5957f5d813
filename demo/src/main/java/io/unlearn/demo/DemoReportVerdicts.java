package io.unlearn.demo;

import static io.unlearn.demo.DemoHtml.esc;

import io.unlearn.evaluator.PolicyCriterion;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report's section on what a verdict promises and, per version, the evidence behind it: the criteria and
 * thresholds the evaluator recorded in its reports, the measured figures, pass or fail, and the worst-case challenge.
 */
final class DemoReportVerdicts {
    static final String[] EVIDENCE_HEADER = {"version", "verdict", "criterion", "measured", "", "limit", "limit from", "result"};

    private DemoReportVerdicts() {
    }

    static void append(StringBuilder h, DemoFacts f) {
        h.append("<section id=\"verdicts\"><h2>What the verdicts mean</h2>");
        h.append("<p>The evaluator judges every new model version and publishes a report with the measured figures "
                + "(<code>metrics</code>) and the thresholds it applied (<code>thresholds</code>); the figures below are read from those "
                + "reports.</p><dl class=\"verdicts\">");
        h.append("<dt class=\"CERTIFIED\">CERTIFIED</dt><dd>every criterion applied to the version held. A registry may serve it; "
                + "the requests it applied become VERIFIED.</dd>");
        h.append("<dt class=\"REJECTED\">REJECTED</dt><dd>at least one criterion failed (the report's failing criteria name the "
                + "measured value and the limit), or its artifact did not match its sha256. Never served; its requests become FAILED "
                + "with those lines as the reason.</dd>");
        h.append("<dt class=\"INCONCLUSIVE\">INCONCLUSIVE</dt><dd>the version could not be judged (unknown parent, forgotten "
                + "samples outside the evaluator's data, a refused parent artifact, an engine error). Never served; its requests "
                + "become FAILED.</dd>");
        h.append("<dt>worst-case challenge</dt><dd>for UNLEARNED versions, a later second report: the version's method is run "
                + "again on the hardest forget set of the same size. Only the utility kept (the TA drop) is judged; UA and MIA on "
                + "that set are reported, not judged. The basic verdict stands either way.</dd></dl>");
        criteria(h, f);
        evidence(h, f);
        h.append("</section>");
    }

    /** The criteria the reports recorded, what each means, and the thresholds seen. */
    private static void criteria(StringBuilder h, DemoFacts f) {
        Map<String, TreeSet<Double>> seen = new TreeMap<>();
        Map<String, TreeSet<String>> kinds = new TreeMap<>();
        for (EvaluationReport r : f.basic.values()) {
            r.getThresholds().forEach((k, v) -> {
                seen.computeIfAbsent(k, x -> new TreeSet<>()).add(v);
                kinds.computeIfAbsent(k, x -> new TreeSet<>()).add(r.getKind().name());
            });
        }
        List<String[]> rows = new ArrayList<>();
        seen.forEach((key, values) -> rows.add(new String[] {key, String.join(", ", values.stream().map(DemoFacts::pct).toList()),
                String.join(", ", kinds.get(key)), doc(key)}));
        h.append("<h3>Criteria applied in this run</h3>");
        DemoHtml.table(h, "criteria", new String[] {"criterion", "threshold(s) recorded", "judged versions", "meaning"}, rows);
    }

    private static void evidence(StringBuilder h, DemoFacts f) {
        List<String[]> rows = new ArrayList<>();
        for (ModelVersion v : f.versions) {
            EvaluationReport r = f.basic.get(v.getVersionId());
            String id = v.getVersionId() + " (" + v.getKind() + ")";
            if (r == null) {
                rows.add(new String[] {id, "pending", "no report yet", "", "", "", "", ""});
                continue;
            }
            String verdict = r.getVerdict().name();
            for (DemoEvidence.Check c : DemoEvidence.checks(r)) {
                rows.add(row(id, verdict, c, c.passed() ? "passed" : "failed"));
            }
            EvaluationReport withChallenge = f.challenges.get(v.getVersionId());
            DemoEvidence.Check wc = withChallenge == null ? null : DemoEvidence.challenge(withChallenge);
            if (wc != null) {
                var w = withChallenge.getWorstCase();
                rows.add(row(id, verdict, wc, w.getPassed() ? "passed" : "failed"));
                rows.add(new String[] {id, verdict, "worst-case ua (reported, not judged)", DemoFacts.pct(w.getUnlearningAccuracy()), "",
                        "", "UA on the version's own forget set: " + DemoFacts.pct(r.getUnlearningAccuracy()), ""});
            }
            r.getFailingCriteria().forEach(l -> rows.add(new String[] {id, verdict, l, "", "", "", "the evaluator's failing line", "failed"}));
        }
        for (int i = rows.size() - 1; i > 0; i--) {
            if (rows.get(i)[0].equals(rows.get(i - 1)[0])) {
                rows.get(i)[0] = "";
                rows.get(i)[1] = "";
            }
        }
        h.append("<h3>Evidence per version</h3><p class=\"note\">Each row: a criterion recorded in the version's report, the figure "
                + "measured, the limit it was held to (a ratio criterion's limit is the ratio times its reference figure) and the "
                + "result.</p>");
        DemoHtml.table(h, "evidence", EVIDENCE_HEADER, rows, 1, 7);
    }

    private static String[] row(String id, String verdict, DemoEvidence.Check c, String result) {
        return new String[] {id, verdict, c.metric() + " (" + c.criterion() + ")", DemoFacts.pct(nan(c.measured())), c.op(),
                DemoFacts.pct(nan(c.limit())), c.how(), result};
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String doc(String key) {
        return Arrays.stream(PolicyCriterion.values()).filter(c -> c.key().equals(key)).map(PolicyCriterion::doc).findFirst()
                .orElse("(a criterion this build does not know)");
    }
}
