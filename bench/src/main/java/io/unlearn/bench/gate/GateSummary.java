package io.unlearn.bench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How well the forgetting gate's verdicts match the ground truth (closeness to Retrain), over all rows of a run.
 *
 * @param falseCertify rows CERTIFIED although not adequate
 * @param falseReject Retrain rows REJECTED (Retrain is exact, so rejecting it is always wrong)
 * @param inconclusiveShare INCONCLUSIVE rows / all rows (NaN without rows)
 * @param agreement among rows the gate decided, the share where CERTIFIED ⇔ adequate (NaN when none was decided)
 * @param noopCertified {@code noop} and {@code ga-1e-6} rows CERTIFIED on the memorising base
 * @param rows rows counted
 * @param decided rows CERTIFIED or REJECTED
 */
public record GateSummary(int falseCertify, int falseReject, double inconclusiveShare, double agreement,
        int noopCertified, int rows, int decided) {

    /** A candidate is adequate when its Avg. Gap to Retrain is at most this many points. */
    public static final double ADEQUATE_GAP = 1.5;
    /** Goal: agreement at least this. */
    public static final double AGREEMENT_GOAL = 0.9;
    /** Goal: inconclusive share at most this. */
    public static final double INCONCLUSIVE_GOAL = 0.2;
    /** The candidates that forget nothing measurable: the gate must never certify them on a memorising base. */
    public static final Set<String> NO_OPS = Set.of(GateCandidates.NOOP, GateCandidates.GA_TINY);

    /**
     * @param rows the run's rows
     * @return the summary
     */
    public static GateSummary of(List<GateRow> rows) {
        int falseCertify = 0;
        int falseReject = 0;
        int inconclusive = 0;
        int decided = 0;
        int agree = 0;
        int noop = 0;
        for (GateRow r : rows) {
            boolean certified = GateRow.CERTIFIED.equals(r.verdict());
            falseCertify += certified && !r.adequate() ? 1 : 0;
            falseReject += GateCandidates.RETRAIN.equals(r.candidate()) && GateRow.REJECTED.equals(r.verdict()) ? 1 : 0;
            inconclusive += GateRow.INCONCLUSIVE.equals(r.verdict()) ? 1 : 0;
            if (r.decided()) {
                decided++;
                agree += certified == r.adequate() ? 1 : 0;
            }
            noop += certified && NO_OPS.contains(r.candidate()) && GateBases.MEMORISING.equals(r.base()) ? 1 : 0;
        }
        return new GateSummary(falseCertify, falseReject, rows.isEmpty() ? Double.NaN : (double) inconclusive / rows.size(),
                decided == 0 ? Double.NaN : (double) agree / decided, noop, rows.size(), decided);
    }

    /** @return one line per goal that is missed (empty when every goal is met); NaN figures count as missed */
    public List<String> missedGoals() {
        List<String> missed = new ArrayList<>();
        if (noopCertified != 0) {
            missed.add("noop_certified = " + noopCertified + " (goal 0): the gate certified a model that forgot nothing");
        }
        if (falseReject != 0) {
            missed.add("false_reject = " + falseReject + " (goal 0): the gate rejected Retrain itself");
        }
        if (!(agreement >= AGREEMENT_GOAL)) {
            missed.add(String.format(Locale.ROOT, "agreement = %.3f (goal ≥ %.1f)", agreement, AGREEMENT_GOAL));
        }
        if (!(inconclusiveShare <= INCONCLUSIVE_GOAL)) {
            missed.add(String.format(Locale.ROOT, "inconclusive_share = %.3f (goal ≤ %.1f)", inconclusiveShare, INCONCLUSIVE_GOAL));
        }
        return missed;
    }

    /** @return the five figures on one line */
    public String line() {
        return String.format(Locale.ROOT, "false_certify %d, false_reject %d, inconclusive_share %.3f, agreement %.3f"
                + " (%d decided of %d rows), noop_certified %d", falseCertify, falseReject, inconclusiveShare, agreement,
                decided, rows, noopCertified);
    }

    /** @return the goal as a sentence */
    public static String goal() {
        return String.format(Locale.ROOT, "noop_certified = 0 and false_reject = 0, agreement ≥ %.1f, inconclusive_share ≤ %.1f",
                AGREEMENT_GOAL, INCONCLUSIVE_GOAL);
    }
}
