package io.unlearn.ml.suppression;

import io.unlearn.ml.model.Activations;

/**
 * Per-feature z-scores fitted on some rows of a layer's activations: {@code (x − mean) / sd}, with sd 1 for a feature
 * constant on those rows (it is only centred, so dead units do not divide by zero).
 */
final class Standardisation {

    private final double[] mean;
    private final double[] sd;

    private Standardisation(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /**
     * @param activations a layer's activations
     * @param rows the rows the statistics come from (a probe's training part)
     * @return the fitted scaling
     */
    static Standardisation fit(Activations activations, int[] rows) {
        int d = activations.width();
        float[] v = activations.values();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[r * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                double c = v[r * d + j] - mean[j];
                sd[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(sd[j] / rows.length);
            sd[j] = s > 1e-8 ? s : 1.0;
        }
        return new Standardisation(mean, sd);
    }

    /**
     * @param activations a layer's activations (the same layer as fitted)
     * @param rows rows to scale
     * @return {@code (rows.length, d)} standardised copies
     */
    double[][] apply(Activations activations, int[] rows) {
        int d = activations.width();
        float[] v = activations.values();
        double[][] out = new double[rows.length][d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = (v[rows[i] * d + j] - mean[j]) / sd[j];
            }
        }
        return out;
    }
}
