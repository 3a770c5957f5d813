package io.unlearn.ml.train;

import java.util.Random;

/** Seeded mini-batch orders: one {@link Random} per run, injected, never static. */
public final class BatchOrder {

    private final Random random;

    /** @param seed the run's seed */
    public BatchOrder(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param n number of positions
     * @return a fresh random permutation of {@code 0..n-1} (Fisher–Yates)
     */
    public int[] shuffled(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** @return the underlying random source, for draws that must follow the same seed */
    public Random random() {
        return random;
    }

    /**
     * @param n samples
     * @param batchSize batch size
     * @return number of batches of one pass (the last may be smaller)
     */
    public static int batches(int n, int batchSize) {
        return (n + batchSize - 1) / batchSize;
    }
}
