package io.unlearn.ml.metrics;

/**
 * The standard unlearning metrics, all in percent except the run time.
 *
 * @param ua unlearning accuracy: 100 − accuracy on the forget set
 * @param mia MIA-Efficacy on the forget set
 * @param ra accuracy on the retain set
 * @param ta accuracy on the test set
 * @param rteSeconds run time of the unlearning step (0 for a model that was not unlearned)
 */
public record UnlearningMetrics(double ua, double mia, double ra, double ta, double rteSeconds) {

    /**
     * Avg. Gap: the mean of |ΔUA|, |ΔMIA|, |ΔRA|, |ΔTA| against a reference (Retrain on the same forget set).
     *
     * @param reference the exact-retrain metrics
     * @return the gap in percentage points
     */
    public double avgGap(UnlearningMetrics reference) {
        return (Math.abs(ua - reference.ua) + Math.abs(mia - reference.mia) + Math.abs(ra - reference.ra)
                + Math.abs(ta - reference.ta)) / 4.0;
    }
}
