package io.unlearn.evaluator;

import io.unlearn.events.RemovedClassCheck;
import io.unlearn.ml.metrics.Predictions;
import java.util.ArrayList;
import java.util.List;

/**
 * The correlated-deletion reference: a class whose training samples the lineage has (almost) all forgotten is one a
 * model retrained without them never learned, so such a model gives every sample of that class, forgotten or unseen, an
 * accuracy of about 0. A membership test alone cannot see this (forgotten and unseen samples of the class may look alike
 * to a model that still knows the class), so the gate also bounds the accuracy on the class.
 */
final class RemovedClasses {
    private RemovedClasses() {
    }

    static List<RemovedClassCheck> check(ForgettingGate.ModelOutputs version, int[] trainCountsByClass, double removedShare) {
        Predictions forget = version.forget();
        Predictions unseen = version.nonMembers();
        int[] forgotten = new int[trainCountsByClass.length];
        for (int l : forget.labels()) {
            if (l < forgotten.length) {
                forgotten[l]++;
            }
        }
        List<RemovedClassCheck> out = new ArrayList<>();
        for (int c = 0; c < forgotten.length; c++) {
            if (forgotten[c] == 0 || trainCountsByClass[c] == 0) {
                continue;
            }
            double retained = Math.max(0, trainCountsByClass[c] - forgotten[c]) / (double) trainCountsByClass[c];
            if (retained > removedShare) {
                continue;
            }
            int[] a = correct(forget, c);
            int[] b = correct(unseen, c);
            int hits = a[0] + b[0];
            int n = a[1] + b[1];
            double[] ci = wilson(hits, n);
            out.add(RemovedClassCheck.newBuilder().setLabel(c).setRetainedShare(retained).setAccuracy(100.0 * hits / n)
                    .setCiLow(100 * ci[0]).setCiHigh(100 * ci[1]).setSamples(n).build());
        }
        return out;
    }

    private static int[] correct(Predictions p, int c) {
        int hits = 0;
        int n = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.labels()[i] == c) {
                n++;
                hits += p.predicted()[i] == c ? 1 : 0;
            }
        }
        return new int[] {hits, n};
    }

    /** Wilson's 95% score interval for a proportion (never leaves [0, 1], keeps a width at 0 and at n). */
    static double[] wilson(int hits, int n) {
        double z = io.unlearn.ml.metrics.MembershipAdvantage.Z95;
        double p = (double) hits / n;
        double denom = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
