package io.unlearn.bench.worstcase;

/**
 * One method on one forget set.
 *
 * @param method the method ({@code retrain} is the reference)
 * @param ratio the forget ratio (share of the training set), e.g. 0.01
 * @param set {@code random} or {@code worst}
 * @param ua unlearning accuracy, percent
 * @param mia MIA-Efficacy, percent
 * @param ra retain accuracy, percent
 * @param ta test accuracy, percent
 * @param avgGap Avg. Gap to Retrain on the same set, points
 */
public record WorstCaseRow(String method, double ratio, String set, double ua, double mia, double ra, double ta,
        double avgGap) {
}
