package io.unlearn.ml.metrics;

import io.unlearn.ml.UnlearnException;
import java.util.function.IntPredicate;

/** The members and non-members of a membership test grouped by true label, with the members' class weights. */
final class Strata {
    private final int[] memberCounts;
    private final int[] nonMemberCounts;
    private final int memberTotal;

    private Strata(int[] memberCounts, int[] nonMemberCounts, int memberTotal) {
        this.memberCounts = memberCounts;
        this.nonMemberCounts = nonMemberCounts;
        this.memberTotal = memberTotal;
    }

    static Strata of(Predictions members, Predictions nonMembers) {
        if (members.size() == 0) {
            throw new UnlearnException("a membership test needs at least one member sample");
        }
        int classes = 1 + Math.max(max(members.labels()), max(nonMembers.labels()));
        int[] m = new int[classes];
        int[] n = new int[classes];
        for (int l : members.labels()) {
            m[l]++;
        }
        for (int l : nonMembers.labels()) {
            n[l]++;
        }
        for (int c = 0; c < classes; c++) {
            if (m[c] > 0 && n[c] == 0) {
                throw new UnlearnException("the forget set holds " + m[c] + " samples of class " + c
                        + " but the non-member reference none; give the evaluator a test split covering every class");
            }
        }
        return new Strata(m, n, members.size());
    }

    int classes() {
        return memberCounts.length;
    }

    int members(int c) {
        return memberCounts[c];
    }

    double weight(int c) {
        return (double) memberCounts[c] / memberTotal;
    }

    int nonMembersInMemberClasses() {
        int n = 0;
        for (int c = 0; c < memberCounts.length; c++) {
            n += memberCounts[c] > 0 ? nonMemberCounts[c] : 0;
        }
        return n;
    }

    double[] memberLosses(Predictions p, int c) {
        return lossesOf(p, c, memberCounts[c]);
    }

    double[] nonMemberLosses(Predictions p, int c) {
        return lossesOf(p, c, nonMemberCounts[c]);
    }

    /** {how many samples of class c satisfy the predicate, how many samples of class c}. */
    int[] count(Predictions p, int c, IntPredicate test) {
        int hits = 0;
        int all = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.labels()[i] == c) {
                all++;
                hits += test.test(i) ? 1 : 0;
            }
        }
        return new int[] {hits, all};
    }

    /** The attack's score of class-c samples: minus the log-odds, which orders like the loss but never saturates. */
    private static double[] lossesOf(Predictions p, int c, int count) {
        double[] out = new double[count];
        int k = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.labels()[i] == c) {
                out[k++] = -p.logOdds()[i];
            }
        }
        return out;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
