package io.unlearn.ml.worstcase;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.train.BatchOrder;
import java.util.Arrays;

/**
 * The samples a worst-case forget set is chosen from: the whole training view, or a class-stratified random
 * subsample of it (each class keeps its share of the training set, rounded by largest remainder). The pool
 * stands in for the training set during the search: the lower level fine-tunes on the pool only, so the cost
 * grows with the pool, not with the training set.
 */
public final class CandidatePool {

    private CandidatePool() {
    }

    /**
     * @param train the training view
     * @param size pool size; 0 or at least {@code train.size()} means the whole view
     * @param seed seed of the subsample
     * @return the pool, in training order
     * @throws UnlearnException when the training view is empty or the size is negative
     */
    public static DataView stratified(DataView train, int size, long seed) {
        if (train.isEmpty()) {
            throw new UnlearnException("the candidate pool is empty: the training view holds no sample;"
                    + " pass the dataset the model was trained on");
        }
        if (size < 0) {
            throw new UnlearnException("pool size must be >= 0 (0 = the whole training set), was " + size);
        }
        if (size == 0 || size >= train.size()) {
            return train;
        }
        int classes = train.source().numClasses();
        int[] count = new int[classes];
        for (int i = 0; i < train.size(); i++) {
            count[train.label(i)]++;
        }
        int[] quota = quotas(count, size, train.size());
        int[] perm = new BatchOrder(seed).shuffled(train.size());
        int[] taken = new int[classes];
        int[] rows = new int[size];
        int n = 0;
        for (int p : perm) {
            int c = train.label(p);
            if (taken[c] < quota[c]) {
                taken[c]++;
                rows[n++] = p;
            }
        }
        Arrays.sort(rows);
        for (int i = 0; i < rows.length; i++) {
            rows[i] = train.row(rows[i]);
        }
        return DataView.of(train.source(), rows);
    }

    /** Largest-remainder apportionment of {@code size} over the classes, ties to the lower class. */
    static int[] quotas(int[] count, int size, int total) {
        int[] quota = new int[count.length];
        double[] remainder = new double[count.length];
        int assigned = 0;
        for (int c = 0; c < count.length; c++) {
            double exact = (double) size * count[c] / total;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        while (assigned < size) {
            int best = -1;
            for (int c = 0; c < count.length; c++) {
                if (quota[c] < count[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
        return quota;
    }
}
