package io.unlearn.demo;

import static io.unlearn.evaluator.MetricKeys.*;
import static io.unlearn.evaluator.PolicyCriterion.*;

import io.unlearn.evaluator.PolicyCriterion;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.WorstCaseChallenge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The evidence behind a verdict, read from the evaluation report alone: for every threshold the evaluator recorded,
 * the measured figure it was compared with, the limit and whether it held. The comparison follows
 * {@code EvaluationPolicy} (a ratio criterion's limit is the ratio times its reference metric); the numbers are the
 * report's, none is assumed here.
 */
final class DemoEvidence {

    /** How one criterion compares: the metric measured, an optional reference metric the threshold multiplies, and the side. */
    private enum Rule {
        TA_DROP_RULE(MAX_TA_DROP, TA_DROP, null, true),
        RA_DROP_RULE(MAX_RA_DROP, RA_DROP, null, true),
        UA_RULE(MIN_UA_RATIO, UA, UA_REFERENCE, false),
        MIA_RULE(MIN_MIA_RATIO, MIA, MIA_REFERENCE, false),
        BASE_TA_RULE(MIN_TA, TA, null, false),
        CONCEPT_RULE(MAX_CONCEPT_ACCURACY, CONCEPT_ACC, null, true),
        ATTACK_RULE(MAX_CONCEPT_ACCURACY_UNDER_ATTACK, CONCEPT_ACC_ATTACK, null, true),
        NONCONCEPT_RULE(MAX_NONCONCEPT_DROP, NONCONCEPT_DROP, null, true);

        final PolicyCriterion criterion;
        final String metric;
        final String reference;
        final boolean isMax;

        Rule(PolicyCriterion criterion, String metric, String reference, boolean isMax) {
            this.criterion = criterion;
            this.metric = metric;
            this.reference = reference;
            this.isMax = isMax;
        }
    }

    /**
     * One criterion of one report.
     *
     * @param criterion the policy's key, e.g. {@code max.ta.drop}
     * @param metric the measurement's key in the report's metrics, e.g. {@code ta.drop}
     * @param how how the limit comes from the threshold, e.g. "ratio 0.5 × ua.reference 11.7"
     * @param measured the figure compared (NaN when the report has none)
     * @param limit the threshold in the metric's unit (a ratio criterion: ratio × reference); NaN when not computable
     * @param passed whether it held; false when it could not be computed
     */
    record Check(String criterion, String metric, double measured, String op, double limit, String how, boolean passed) {
    }

    private DemoEvidence() {
    }

    /** The checks of every threshold recorded in the report (TA, RA, UA, MIA first); a criterion unknown here has no figures. */
    static List<Check> checks(EvaluationReport r) {
        List<Check> out = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            Double threshold = r.getThresholds().get(rule.criterion.key());
            if (threshold != null) {
                out.add(check(rule, threshold, r.getMetrics(), ""));
            }
        }
        r.getThresholds().forEach((key, threshold) -> {
            if (rule(key).isEmpty()) {
                out.add(new Check(key, "?", Double.NaN, "?", threshold, "a criterion this report does not explain", false));
            }
        });
        return out;
    }

    /** The worst-case challenge's judged criterion: TA drop on the worst-case set against {@code max.ta.drop}; null when not run. */
    static Check challenge(EvaluationReport withChallenge) {
        WorstCaseChallenge w = withChallenge.getWorstCase();
        Double threshold = withChallenge.getThresholds().get(MAX_TA_DROP.key());
        if (w == null || threshold == null) {
            return null;
        }
        return check(Rule.TA_DROP_RULE, threshold, w.getMetrics(), "worst-case ");
    }

    private static Check check(Rule rule, double threshold, Map<String, Double> metrics, String prefix) {
        Double measured = metrics.get(rule.metric);
        Double reference = rule.reference == null ? null : metrics.get(rule.reference);
        double limit = rule.reference == null ? threshold : reference == null ? Double.NaN : threshold * reference;
        String how = rule.reference == null ? "threshold " + DemoFacts.pct(threshold)
                : "ratio " + threshold + " × " + rule.reference + " " + DemoFacts.pct(reference);
        boolean passed = measured != null && !Double.isNaN(limit) && (rule.isMax ? measured <= limit : measured >= limit);
        return new Check(rule.criterion.key(), prefix + rule.metric, measured == null ? Double.NaN : measured, rule.isMax ? "≤" : "≥",
                limit, how, passed);
    }

    private static java.util.Optional<Rule> rule(String criterionKey) {
        return Arrays.stream(Rule.values()).filter(r -> r.criterion.key().equals(criterionKey)).findFirst();
    }
}
