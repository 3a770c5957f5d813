package io.unlearn.demo;

import io.unlearn.evaluator.PolicyCriterion;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's table of each version's evidence: the utility criteria against their thresholds ({@link DemoEvidence}),
 * the forgetting gate's membership tests with their intervals, version and parent side by side ({@link DemoMembership}),
 * removed-class checks, the worst-case challenge, and the evaluator's own failing lines and findings.
 */
final class DemoReportEvidence {
    static final String[] HEADER = {"version", "verdict", "criterion", "measured", "", "limit", "limit from / compared on", "result"};

    private DemoReportEvidence() {
    }

    static void append(StringBuilder h, DemoFacts f) {
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
            for (DemoMembership.Test t : DemoMembership.tests(r)) {
                boolean drop = t.model().equals(DemoMembership.DROP);
                rows.add(new String[] {id, verdict, drop ? "drop of the parent's membership advantage (" + t.attack() + "), " + t.scope()
                        : "membership advantage (" + t.attack() + "), " + t.scope() + ", " + t.model(), t.interval(), drop ? "≥" : "within",
                        drop ? DemoFacts.pct(Double.isNaN(t.leastDrop()) ? null : t.leastDrop()) : "±" + DemoFacts.pct(t.tolerance()),
                        drop ? "min.signal.removed × the parent's advantage, paired on " + t.members() + " forgotten" : t.sets(), t.outcome()});
            }
            Double removedLimit = r.getThresholds().get(PolicyCriterion.MAX_REMOVED_CLASS_ACCURACY.key());
            if (r.getForgetting() != null && removedLimit != null) {
                r.getForgetting().getRemovedClasses().forEach(c -> rows.add(new String[] {id, verdict, "accuracy on removed class "
                        + c.getLabel(), String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", c.getAccuracy(), c.getCiLow(), c.getCiHigh()),
                        "≤", DemoFacts.pct(removedLimit), c.getSamples() + " samples of the class",
                        c.getCiLow() > removedLimit ? "still recognised" : c.getCiHigh() > removedLimit ? "undecided" : "passed"}));
            }
            EvaluationReport withChallenge = f.challenges.get(v.getVersionId());
            DemoEvidence.Check wc = withChallenge == null ? null : DemoEvidence.challenge(withChallenge);
            if (wc != null) {
                var w = withChallenge.getWorstCase();
                rows.add(row(id, verdict, wc, w.getPassed() ? "passed" : "failed"));
                rows.add(new String[] {id, verdict, "worst-case ua (reported, not judged)", DemoFacts.pct(w.getUnlearningAccuracy()), "",
                        "", "UA on the version's own forget set: " + DemoFacts.pct(r.getUnlearningAccuracy()), ""});
            }
            String lines = r.getVerdict() == Verdict.INCONCLUSIVE ? "undecided" : "failed";
            r.getFailingCriteria().forEach(l -> rows.add(new String[] {id, verdict, l, "", "", "", "the evaluator's line", lines}));
            DemoMembership.findings(r).stream().filter(l -> !r.getFailingCriteria().contains(l))
                    .forEach(l -> rows.add(new String[] {id, verdict, l, "", "", "", "the gate's finding", ""}));
        }
        for (int i = rows.size() - 1; i > 0; i--) {
            if (rows.get(i)[0].equals(rows.get(i - 1)[0])) {
                rows.get(i)[0] = "";
                rows.get(i)[1] = "";
            }
        }
        h.append("<h3>Evidence per version</h3><p class=\"note\">Each row: a criterion recorded in the version's report, the figure "
                + "measured, the limit it was held to and the result. Membership advantages are percentage points (0: the forget set "
                + "looks like unseen samples; 100: a perfect attack) with their 95% interval, for the version and, side by side, its "
                + "parent; the gate judges the interval, not the point figure.</p>");
        DemoHtml.table(h, "evidence", HEADER, rows, 1, 7);
    }

    private static String[] row(String id, String verdict, DemoEvidence.Check c, String result) {
        return new String[] {id, verdict, c.metric() + " (" + c.criterion() + ")", DemoFacts.pct(nan(c.measured())), c.op(),
                DemoFacts.pct(nan(c.limit())), c.how(), result};
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
