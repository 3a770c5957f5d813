package io.unlearn.ml.metrics;

/**
 * What one membership attack tells apart: how much better than chance it separates a member set (the forget set)
 * from a class-matched non-member set, as an advantage in percentage points with a two-sided 95% interval.
 * 0 means indistinguishable, 100 a perfect attack; a negative value means the members look <em>less</em> like
 * members than unseen samples do (e.g. after gradient ascent overshoots).
 *
 * @param attack the attack's name, e.g. {@code loss} or {@code svm-confidence}
 * @param advantage the point estimate, percentage points in [−100, 100]
 * @param ciLow lower end of the 95% interval
 * @param ciHigh upper end of the 95% interval
 * @param members how many member (forget) samples were scored
 * @param nonMembers how many non-member samples of the members' classes were scored
 * @param informative false when the attack could not separate anything by construction (e.g. an SVM that predicts one
 *     class for every shadow sample); such a result is reported but never counts as evidence either way
 */
public record MembershipAdvantage(String attack, double advantage, double ciLow, double ciHigh, int members, int nonMembers,
                                  boolean informative) {

    /** z of a two-sided 95% normal interval. */
    public static final double Z95 = 1.959964;

    /** @return half the interval's width */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }

    /**
     * How many member samples the interval would need to lie entirely inside or entirely outside ±{@code tolerance}
     * (a two-sided judgement: it compares |advantage| with the tolerance). See {@link #membersToSeparate}.
     *
     * @param tolerance the advantage a verdict is judged against
     * @return the member count, at least the current one
     */
    public double membersToDecide(double tolerance) {
        return membersToSeparate(Math.abs(advantage), tolerance);
    }

    /**
     * How many member samples an interval around {@code estimate} would need to lie entirely on one side of {@code bound},
     * assuming the estimate stays where it is and the width shrinks with the square root of the member count (the
     * non-member reference being the larger set). Infinite when the estimate sits exactly on the bound.
     *
     * @param estimate the figure judged (this advantage, or its absolute value for a two-sided judgement)
     * @param bound the limit it is judged against
     * @return the member count, at least the current one
     */
    public double membersToSeparate(double estimate, double bound) {
        double margin = Math.abs(estimate - bound);
        if (margin == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double ratio = halfWidth() / margin;
        return Math.max(members, Math.ceil(members * ratio * ratio));
    }
}
