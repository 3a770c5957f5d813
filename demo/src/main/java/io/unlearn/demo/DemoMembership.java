package io.unlearn.demo;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.MembershipTest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The forgetting gate's evidence of an UNLEARNED or RETRAINED version, read from its report's {@code forgetting} record:
 * each membership test (the lineage's forget set, or this batch's, against class-matched samples no version trained on;
 * for the version and its parent), what its 95% interval says against the tolerance, the gate's decision and findings.
 * The outcome of a test is worded from the report's own tolerance, as the gate compares it.
 */
final class DemoMembership {
    static final String LINEAGE = "lineage";
    static final String LOSS = "loss";

    private DemoMembership() {
    }

    /**
     * One membership test.
     *
     * @param tolerance the gate's tolerance τ (percentage points) the interval is held to
     */
    record Test(String scope, String model, String attack, double advantage, double ciLow, double ciHigh, int members, int nonMembers,
                boolean informative, double tolerance) {

        static Test of(MembershipTest t, double tolerance) {
            return new Test(t.getScope(), t.getModel(), t.getAttack(), t.getAdvantage(), t.getCiLow(), t.getCiHigh(), t.getMembers(),
                    t.getNonMembers(), t.getInformative(), tolerance);
        }

        /** e.g. {@code 23.4 [15.2, 31.6]}: the advantage in percentage points and its 95% interval. */
        String interval() {
            return String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", advantage, ciLow, ciHigh);
        }

        /** What the interval says against ±τ, as the gate reads it. */
        String outcome() {
            if (!informative) {
                return "not informative (the attack cannot separate anything)";
            }
            if (ciLow > tolerance) {
                return "membership shows (interval above +" + DemoFacts.pct(tolerance) + ")";
            }
            if (ciHigh < -tolerance) {
                return "stands out as over-forgotten (interval below −" + DemoFacts.pct(tolerance) + ")";
            }
            return ciLow >= -tolerance && ciHigh <= tolerance ? "indistinguishable (interval within ±" + DemoFacts.pct(tolerance) + ")"
                    : "undecided (interval straddles ±" + DemoFacts.pct(tolerance) + ")";
        }

        /** e.g. "lineage's 240 forgotten vs 4583 unseen". */
        String sets() {
            return (scope.equals(LINEAGE) ? "the lineage's " : "this batch's ") + members + " forgotten vs " + nonMembers + " unseen";
        }
    }

    /** Every test of the report, lineage first; empty when the report has no forgetting evidence. */
    static List<Test> tests(EvaluationReport r) {
        ForgettingEvidence e = r.getForgetting();
        return e == null ? List.of() : e.getTests().stream().map(t -> Test.of(t, e.getTolerance())).toList();
    }

    /** The loss attack on the lineage's forget set for {@code model} ("version" or "parent"). */
    static Optional<Test> lineageLoss(EvaluationReport r, String model) {
        return tests(r).stream().filter(t -> t.scope().equals(LINEAGE) && t.model().equals(model) && t.attack().equals(LOSS)).findFirst();
    }

    /**
     * The gate's evidence in one line for the console, e.g. {@code REJECTED: loss 23.4 [15.2, 31.6], parent 25.1 [17.0, 33.2]
     * on the lineage's 240 forgotten vs 4583 unseen, tolerance ±10.0}; null when the report has none.
     */
    static String line(EvaluationReport r) {
        ForgettingEvidence e = r.getForgetting();
        Optional<Test> version = lineageLoss(r, "version");
        if (e == null || version.isEmpty()) {
            return null;
        }
        String parent = lineageLoss(r, "parent").map(p -> ", parent " + p.interval()).orElse("");
        return "gate " + e.getDecision() + ": membership advantage (loss) " + version.get().interval() + parent + " on "
                + version.get().sets() + ", tolerance ±" + DemoFacts.pct(e.getTolerance())
                + (e.getSamplesNeeded() == null ? "" : "; about " + e.getSamplesNeeded() + " forgotten samples would decide");
    }

    /** The gate's findings in sentences (the parent's side included); empty when the report has no evidence. */
    static List<String> findings(EvaluationReport r) {
        return r.getForgetting() == null ? List.of() : r.getForgetting().getFindings();
    }
}
