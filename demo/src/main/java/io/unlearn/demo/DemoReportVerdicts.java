package io.unlearn.demo;

import static io.unlearn.demo.DemoHtml.esc;

import io.unlearn.evaluator.PolicyCriterion;
import io.unlearn.events.EvaluationReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report's section on what a verdict promises, the criteria and thresholds the evaluator recorded in its reports,
 * and, per version, the evidence behind its verdict ({@link DemoReportEvidence}).
 */
final class DemoReportVerdicts {

    private DemoReportVerdicts() {
    }

    static void append(StringBuilder h, DemoFacts f) {
        h.append("<section id=\"verdicts\"><h2>What the verdicts mean</h2>");
        h.append("<p>The evaluator judges every new model version and publishes a report with the measured figures "
                + "(<code>metrics</code>) and the thresholds it applied (<code>thresholds</code>); the figures below are read from those "
                + "reports.</p><dl class=\"verdicts\">");
        h.append("<dt class=\"CERTIFIED\">CERTIFIED</dt><dd>every criterion applied to the version held; for UNLEARNED and "
                + "RETRAINED versions that means the forgetting gate found the lineage's forget set indistinguishable from samples no "
                + "version trained on: every membership test's 95% interval lies within ±<code>max.membership.advantage</code>. A "
                + "registry may serve it; the requests it applied (and earlier ones awaiting evidence) become VERIFIED.</dd>");
        h.append("<dt class=\"REJECTED\">REJECTED</dt><dd>at least one criterion failed: membership still shows (an interval lies "
                + "beyond the tolerance), the utility dropped too far, or its artifact did not match its sha256. The report's failing "
                + "criteria name the measured value and the limit. Never served; its requests become FAILED with those lines as the "
                + "reason. The lineage goes on from this version's weights.</dd>");
        h.append("<dt class=\"INCONCLUSIVE\">INCONCLUSIVE</dt><dd>the evidence cannot decide yet: an interval straddles the "
                + "tolerance because the forget set is still small. Its requests become AWAITING_EVIDENCE (pending) and a later "
                + "version of the lineage, whose forget set includes their samples, decides them (VERIFIED, or ESCALATING when it shows membership). Also the "
                + "verdict of a version that could not be judged at all (unknown parent, an engine error); its requests then FAIL.</dd>");
        h.append("<dt>worst-case challenge</dt><dd>for UNLEARNED versions, a later second report: on the parent, a challenge set "
                + "(by default a random one of the batch's size, at least 100 samples: on the demo's model it separates methods from "
                + "Retrain more than the searched worst-case sets) is unlearned by the version's method AND by an exact Retrain. "
                + "It fails when the method's membership advantage on the set differs from Retrain's beyond the tolerance, or its "
                + "Avg. Gap to Retrain exceeds the limit; a failure makes the version REJECTED, its pending requests ESCALATING, and "
                + "the worker re-applies them with the next method of its escalation ladder.</dd></dl>");
        criteria(h, f);
        DemoReportEvidence.append(h, f);
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

    private static String doc(String key) {
        return Arrays.stream(PolicyCriterion.values()).filter(c -> c.key().equals(key)).map(PolicyCriterion::doc).findFirst()
                .orElse("(a criterion this build does not know)");
    }
}
