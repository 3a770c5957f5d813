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

    /**
     * A lower confidence bound of {@link #avgGap}: each |Δ| less {@code z} standard errors of the difference of two
     * independent binomial proportions measured on {@code n} samples (the Agresti–Caffo interval: one success and one failure
     * added to each, so that 0% against 100% on one sample is not a certain gap; treating the two models as unpaired makes
     * it wider than a paired interval, so the bound errs towards "no gap"), clipped at 0. On a 6-sample
     * forget set one sample is 16.7 points of UA: the bound keeps such a difference from reading as a gap. Written here
     * because it is four lines of arithmetic on the metrics this record holds.
     *
     * @param reference the exact-retrain metrics
     * @param n the samples behind each metric
     * @param z standard errors subtracted (1.96: 95% two-sided per component)
     * @return the bound in percentage points, at most {@link #avgGap}
     */
    public double avgGapLowerBound(UnlearningMetrics reference, SampleCounts n, double z) {
        return (shrunk(ua, reference.ua, n.forget(), z) + shrunk(mia, reference.mia, n.forget(), z) + shrunk(ra, reference.ra, n.retain(), z)
                + shrunk(ta, reference.ta, n.test(), z)) / 4.0;
    }

    private static double shrunk(double a, double b, int n, double z) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (n <= 0) {
            return 0;
        }
        double p = (a / 100 * n + 1) / (n + 2), q = (b / 100 * n + 1) / (n + 2);
        double se = Math.sqrt((p * (1 - p) + q * (1 - q)) / (n + 2));
        return Math.max(0, Math.abs(a - b) - z * 100 * se);
    }

    /**
     * The number of samples each metric was measured on.
     *
     * @param forget UA and MIA-Efficacy (the forget set)
     * @param retain RA
     * @param test TA
     */
    public record SampleCounts(int forget, int retain, int test) {
    }
}
