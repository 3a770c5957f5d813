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
        Placements p = placements(members, nonMembers);
        return new Result(p.auc(), sampleVariance(p.v10(), p.auc()) / members.length + sampleVariance(p.v01(), p.auc()) / nonMembers.length);
    }

    /**
     * The difference AUC(a) − AUC(b) of two models scored on the SAME members and non-members, with DeLong's variance for
     * correlated AUCs (the per-sample placement differences), far tighter than two independent intervals when the
     * models' scores move together (a parent and a version that barely changed it).
     */
    static Result paired(double[] membersA, double[] nonMembersA, double[] membersB, double[] nonMembersB) {
        Placements a = placements(membersA, nonMembersA);
        Placements b = placements(membersB, nonMembersB);
        double[] d10 = new double[membersA.length];
        for (int i = 0; i < d10.length; i++) {
            d10[i] = a.v10()[i] - b.v10()[i];
        }
        double[] d01 = new double[nonMembersA.length];
        for (int j = 0; j < d01.length; j++) {
            d01[j] = a.v01()[j] - b.v01()[j];
        }
        double diff = a.auc() - b.auc();
        return new Result(diff, sampleVariance(d10, mean(d10)) / d10.length + sampleVariance(d01, mean(d01)) / d01.length);
    }

    /** Per-member share of non-members ranked less member-like, per-non-member share of members ranked more member-like. */
    private record Placements(double auc, double[] v10, double[] v01) {
    }

    private static Placements placements(double[] members, double[] nonMembers) {
        int m = members.length;
        int n = nonMembers.length;
        double[] sortedNon = nonMembers.clone();
        double[] sortedMem = members.clone();
        Arrays.sort(sortedNon);
        Arrays.sort(sortedMem);
        double[] v10 = new double[m];
        for (int i = 0; i < m; i++) {
            // share of non-members with a higher loss than member i, ties counted half
            v10[i] = (n - upperBound(sortedNon, members[i]) + 0.5 * ties(sortedNon, members[i])) / n;
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            // share of members with a lower loss than non-member j, ties counted half
            v01[j] = (lowerBound(sortedMem, nonMembers[j]) + 0.5 * ties(sortedMem, nonMembers[j])) / m;
        }
        return new Placements(mean(v10), v10, v01);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
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
