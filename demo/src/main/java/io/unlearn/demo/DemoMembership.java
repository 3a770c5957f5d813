package io.unlearn.demo;

import io.unlearn.evaluator.PolicyCriterion;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.MembershipTest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The forgetting gate's evidence of an UNLEARNED or RETRAINED version, read from its report's {@code forgetting} record:
 * each membership test (the lineage's forget set, or this batch's, against class-matched samples no version trained on;
 * for the version and its parent; and the paired drop from the parent's advantage), what its 95% interval says, the
 * gate's decision and findings. The outcome of a test is worded from the report's own tolerance and thresholds, as the
 * gate compares them.
 */
final class DemoMembership {
    static final String LINEAGE = "lineage";
    static final String LOSS = "loss";
    static final String DROP = "drop";

    private DemoMembership() {
    }

    /**
     * One membership test.
     *
     * @param model version, parent, or drop (the parent's advantage minus the version's, paired)
     * @param tolerance the gate's tolerance τ (percentage points) a version's or parent's interval is held to
     * @param leastDrop for the drop: the least the version had to remove (min.signal.removed × the parent's advantage);
     *     NaN when the parent did not measurably memorise the set (the drop is then not judged)
     */
    record Test(String scope, String model, String attack, double advantage, double ciLow, double ciHigh, int members, int nonMembers,
                boolean informative, double tolerance, double leastDrop) {

        static Test of(MembershipTest t, double tolerance, double leastDrop) {
            return new Test(t.getScope(), t.getModel(), t.getAttack(), t.getAdvantage(), t.getCiLow(), t.getCiHigh(), t.getMembers(),
                    t.getNonMembers(), t.getInformative(), tolerance, t.getModel().equals(DROP) ? leastDrop : Double.NaN);
        }

        /** e.g. {@code 23.4 [15.2, 31.6]}: the advantage in percentage points and its 95% interval. */
        String interval() {
            return String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", advantage, ciLow, ciHigh);
        }

        /** What the interval says against ±τ (for the drop: against the least it had to be), as the gate reads it. */
        String outcome() {
            if (model.equals(DROP)) {
                return Double.isNaN(leastDrop) ? "not judged: the parent did not measurably remember the set"
                        : ciHigh < leastDrop ? "the parent's signal left in place (interval below " + DemoFacts.pct(leastDrop) + ")"
                        : ciLow < leastDrop ? "undecided (interval straddles " + DemoFacts.pct(leastDrop) + ")"
                        : "removed enough of the parent's signal (interval above " + DemoFacts.pct(leastDrop) + ")";
            }
            if (!informative) {
                return "not informative (the attack cannot separate anything)";
            }
            if (ciLow > tolerance) {
                return "membership shows (interval above +" + DemoFacts.pct(tolerance) + ")";
            }
            if (ciHigh < -tolerance) {
                return "stands out as over-forgotten (interval below −" + DemoFacts.pct(tolerance) + ")";
            }
            if (ciLow >= -tolerance && ciHigh <= tolerance) {
                return "indistinguishable (interval within ±" + DemoFacts.pct(tolerance) + ")";
            }
            return scope.equals(LINEAGE) ? "undecided (interval straddles ±" + DemoFacts.pct(tolerance) + ")"
                    : "not beyond ±" + DemoFacts.pct(tolerance) + " (a batch's own test, on fewer samples, can only reject)";
        }

        /** e.g. "lineage's 240 forgotten vs 4583 unseen". */
        String sets() {
            return (scope.equals(LINEAGE) ? "the lineage's " : "this batch's ") + members + " forgotten vs " + nonMembers + " unseen";
        }
    }

    /** Every test of the report, lineage first; empty when the report has no forgetting evidence. */
    static List<Test> tests(EvaluationReport r) {
        ForgettingEvidence e = r.getForgetting();
        if (e == null) {
            return List.of();
        }
        Double share = r.getThresholds().get(PolicyCriterion.MIN_SIGNAL_REMOVED.key());
        double least = e.getTests().stream().filter(t -> t.getScope().equals(LINEAGE) && t.getModel().equals("parent")
                        && t.getAttack().equals(LOSS) && t.getCiLow() > 0 && share != null)
                .mapToDouble(t -> share * t.getAdvantage()).findFirst().orElse(Double.NaN);
        return e.getTests().stream().map(t -> Test.of(t, e.getTolerance(), least)).toList();
    }

    /** The paired drop from the parent's loss advantage to the version's on the lineage's set, when the report has one. */
    static Optional<Test> drop(EvaluationReport r) {
        return tests(r).stream().filter(t -> t.model().equals(DROP)).findFirst();
    }

    /** The loss attack on the lineage's forget set for {@code model} ("version" or "parent"). */
    static Optional<Test> lineageLoss(EvaluationReport r, String model) {
        return tests(r).stream().filter(t -> t.scope().equals(LINEAGE) && t.model().equals(model) && t.attack().equals(LOSS)).findFirst();
    }

    /**
     * The gate's evidence in one line for the console, e.g. {@code gate REJECTED: membership advantage (loss) 23.4 [15.2, 31.6],
     * parent 25.1 [17.0, 33.2], drop 1.7 [0.2, 3.2] on the lineage's 240 forgotten vs 4583 unseen, tolerance ±10.0}; null
     * when the report has none.
     */
    static String line(EvaluationReport r) {
        ForgettingEvidence e = r.getForgetting();
        Optional<Test> version = lineageLoss(r, "version");
        if (e == null || version.isEmpty()) {
            return null;
        }
        String parent = lineageLoss(r, "parent").map(p -> ", parent " + p.interval()).orElse("")
                + drop(r).map(d -> ", drop " + d.interval()).orElse("");
        return "gate " + e.getDecision() + ": membership advantage (loss) " + version.get().interval() + parent + " on "
                + version.get().sets() + ", tolerance ±" + DemoFacts.pct(e.getTolerance())
                + (e.getSamplesNeeded() == null ? "" : "; about " + e.getSamplesNeeded() + " forgotten samples would decide");
    }

    /** The gate's findings in sentences (the parent's side included); empty when the report has no evidence. */
    static List<String> findings(EvaluationReport r) {
        return r.getForgetting() == null ? List.of() : r.getForgetting().getFindings();
    }
}
