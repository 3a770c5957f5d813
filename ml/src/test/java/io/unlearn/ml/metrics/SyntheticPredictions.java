package io.unlearn.ml.metrics;

import java.util.Random;

/**
 * Model outputs drawn as a memorising or a non-memorising model would give them, for tests of membership attacks and of
 * the gate built on them (shared through ml's test jar): per-sample losses exponential with a given mean, the
 * probability of the true label exp(−loss), predicted right when that probability exceeds ½.
 */
public final class SyntheticPredictions {
    /** Pass as {@code onlyClass} to spread the samples over classes 0-9 in turn. */
    public static final int ALL_CLASSES = -1;

    private SyntheticPredictions() {
    }

    /**
     * @param n samples
     * @param meanLoss mean of the exponential loss distribution (small = memorised)
     * @param seed draws
     * @param onlyClass every sample's label, or {@link #ALL_CLASSES}
     * @return the outputs
     */
    public static Predictions exponentialLosses(int n, double meanLoss, long seed, int onlyClass) {
        Random r = new Random(seed);
        float[] p = new float[n];
        float[] l = new float[n];
        int[] pred = new int[n];
        int[] lab = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = (float) (-meanLoss * Math.log(1 - r.nextDouble()));
            p[i] = (float) Math.exp(-l[i]);
            lab[i] = onlyClass == ALL_CLASSES ? i % 10 : onlyClass;
            pred[i] = p[i] > 0.5 ? lab[i] : (lab[i] + 1) % 10;
        }
        return new Predictions(p, l, pred, lab);
    }
}
