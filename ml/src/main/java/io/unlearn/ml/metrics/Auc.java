package io.unlearn.ml.metrics;

import java.util.Arrays;

/**
 * The AUC of "a member has a lower loss than a non-member" with DeLong's variance (DeLong, DeLong and Clarke-Pearson,
 * 1988), from placement values computed with two sorts. Written here because neither Smile (AUC without a variance)
 * nor commons-math (Mann–Whitney p-values, no variance of the AUC itself) offers the interval.
 */
final class Auc {
    record Result(double auc, double variance) {
    }

    private Auc() {
    }

    /**
     * @param members losses of the member samples (lower is more member-like)
     * @param nonMembers losses of the non-member samples
     * @return P(member loss &lt; non-member loss) + ½ P(tie), and its DeLong variance
     */
    static Result delong(double[] members, double[] nonMembers) {
        int m = members.length;
        int n = nonMembers.length;
        double[] sortedNon = nonMembers.clone();
        double[] sortedMem = members.clone();
        Arrays.sort(sortedNon);
        Arrays.sort(sortedMem);
        double[] v10 = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            // share of non-members with a higher loss than member i, ties counted half
            v10[i] = (n - upperBound(sortedNon, members[i]) + 0.5 * ties(sortedNon, members[i])) / n;
            sum += v10[i];
        }
        double auc = sum / m;
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            // share of members with a lower loss than non-member j, ties counted half
            v01[j] = (lowerBound(sortedMem, nonMembers[j]) + 0.5 * ties(sortedMem, nonMembers[j])) / m;
        }
        double variance = sampleVariance(v10, auc) / m + sampleVariance(v01, auc) / n;
        return new Result(auc, variance);
    }

    private static double sampleVariance(double[] v, double mean) {
        if (v.length < 2) {
            return 0.25; // one sample says nothing about the spread: the largest variance a share can have
        }
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }

    private static int ties(double[] sorted, double x) {
        return upperBound(sorted, x) - lowerBound(sorted, x);
    }

    /** First index with sorted[i] >= x. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index with sorted[i] > x. */
    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
