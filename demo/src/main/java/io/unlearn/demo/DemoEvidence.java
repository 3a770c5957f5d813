package io.unlearn.demo;

import static io.unlearn.evaluator.PolicyCriterion.*;

import io.unlearn.evaluator.PolicyCriterion;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.WorstCaseChallenge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evidence behind a verdict, read from the evaluation report alone. The utility criteria (TA and RA drops, a base's
 * TA, a suppression's concept accuracies): for every threshold the evaluator recorded, the measured figure it was
 * compared with, the limit and whether it held, compared as the evaluator's own {@link PolicyCriterion} says. The
 * forgetting criteria ({@code max.membership.advantage}, {@code max.removed.class.accuracy}, {@code min.signal.removed})
 * are judged on 95% intervals
 * by the forgetting gate; their evidence is the report's {@code forgetting} record, shown by {@link DemoMembership}.
 * The numbers are the report's, none is assumed here.
 */
final class DemoEvidence {
    /** Criteria the forgetting gate judges on intervals: not a point figure against a limit, see {@link DemoMembership}. */
    static final Set<PolicyCriterion> JUDGED_BY_THE_GATE = Set.of(MAX_MEMBERSHIP_ADVANTAGE, MAX_REMOVED_CLASS_ACCURACY, MIN_SIGNAL_REMOVED);

    /**
     * One criterion of one report.
     *
     * @param criterion the policy's key, e.g. {@code max.ta.drop}
     * @param metric the measurement's key in the report's metrics, e.g. {@code ta.drop}
     * @param measured the figure compared (NaN when the report has none)
     * @param op how the figure must relate to the limit: ≤ or ≥
     * @param limit the threshold in the metric's unit; NaN when not computable
     * @param how where the limit comes from, e.g. "threshold 5.0"
     * @param passed whether it held; false when it could not be computed
     */
    record Check(String criterion, String metric, double measured, String op, double limit, String how, boolean passed) {
    }

    private DemoEvidence() {
    }

    /**
     * The checks of every point threshold recorded in the report, in {@link PolicyCriterion} order; a criterion unknown
     * to this build has no figures. The gate's criteria are left to {@link DemoMembership}.
     */
    static List<Check> checks(EvaluationReport r) {
        List<Check> out = new ArrayList<>();
        for (PolicyCriterion c : PolicyCriterion.values()) {
            Double threshold = r.getThresholds().get(c.key());
            if (threshold != null && !JUDGED_BY_THE_GATE.contains(c)) {
                out.add(check(c, threshold, r.getMetrics(), ""));
            }
        }
        r.getThresholds().forEach((key, threshold) -> {
            if (Arrays.stream(PolicyCriterion.values()).noneMatch(c -> c.key().equals(key))) {
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
        return check(MAX_TA_DROP, threshold, w.getMetrics(), "worst-case ");
    }

    private static Check check(PolicyCriterion c, double threshold, Map<String, Double> metrics, String prefix) {
        Double measured = metrics.get(c.metric());
        double limit = c.limit(threshold, metrics);
        String how = c.reference().map(ref -> "ratio " + threshold + " × " + ref + " " + DemoFacts.pct(metrics.get(ref)))
                .orElse("threshold " + DemoFacts.pct(threshold));
        boolean passed = measured != null && !measured.isNaN() && !Double.isNaN(limit) && !c.isBrokenBy(measured, limit);
        return new Check(c.key(), prefix + c.metric(), measured == null ? Double.NaN : measured, c.isUpperBound() ? "≤" : "≥",
                limit, how, passed);
    }
}
