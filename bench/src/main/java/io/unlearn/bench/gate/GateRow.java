package io.unlearn.bench.gate;

/**
 * One candidate model judged by the forgetting gate, next to Retrain on the same forget set; serialised with
 * snake_case keys ({@code setting, base, seed, candidate, avg_gap_vs_retrain, adequate, verdict, advantage, ci_low,
 * ci_high, svm_advantage, parent_advantage, signal_drop, samples_needed, ua, ra, ta, mia}).
 *
 * @param setting {@code random}, {@code class} or {@code subject}
 * @param base {@code memorising} or {@code weak}
 * @param seed the seed (base model, forget set, methods)
 * @param candidate {@code retrain}, {@code noop}, {@code ga-1e-6} or a method of {@code UnlearningMethods}
 * @param avgGapVsRetrain mean |Δ| of UA, MIA, RA, TA against Retrain of the same setting, base and seed (points)
 * @param adequate whether that gap is at most {@link GateSummary#ADEQUATE_GAP}
 * @param verdict the gate's decision: {@code CERTIFIED}, {@code REJECTED} or {@code INCONCLUSIVE}
 * @param advantage the loss attack's membership advantage on the version (lineage scope), points
 * @param ciLow lower end of its 95% interval
 * @param ciHigh upper end of its 95% interval
 * @param svmAdvantage the SVM attack's advantage on the version (lineage scope)
 * @param parentAdvantage the loss attack's advantage on the parent (the base model) on the same set
 * @param signalDrop the paired drop from the parent's loss advantage to the version's (the gate's {@code drop} test)
 * @param samplesNeeded the gate's estimate of the forget samples that would decide (INCONCLUSIVE only), else null
 * @param ua 100 − forget accuracy, percent
 * @param ra retain accuracy, percent
 * @param ta test accuracy, percent
 * @param mia MIA-Efficacy, percent
 */
public record GateRow(String setting, String base, long seed, String candidate, double avgGapVsRetrain, boolean adequate,
        String verdict, double advantage, double ciLow, double ciHigh, double svmAdvantage, double parentAdvantage,
        double signalDrop, Long samplesNeeded, double ua, double ra, double ta, double mia) {

    /** The gate's verdicts as they appear in {@link #verdict()}. */
    public static final String CERTIFIED = "CERTIFIED";
    /** See {@link #CERTIFIED}. */
    public static final String REJECTED = "REJECTED";
    /** See {@link #CERTIFIED}. */
    public static final String INCONCLUSIVE = "INCONCLUSIVE";

    /**
     * @param name another candidate name
     * @return this row under that name (for a candidate that is exactly the same run)
     */
    public GateRow as(String name) {
        return new GateRow(setting, base, seed, name, avgGapVsRetrain, adequate, verdict, advantage, ciLow, ciHigh,
                svmAdvantage, parentAdvantage, signalDrop, samplesNeeded, ua, ra, ta, mia);
    }

    /** @return whether the gate decided (certified or rejected) */
    public boolean decided() {
        return CERTIFIED.equals(verdict) || REJECTED.equals(verdict);
    }
}
