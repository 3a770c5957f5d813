package io.unlearn.ml.suppression;

/**
 * Per-latent thresholds that let a suppression compute only its chosen latents of a TopK SAE. A TopK latent is active
 * when its pre-activation is among the k largest of the sample, which needs every pre-activation (an {@code (d, h)}
 * matrix product and a top-k per sample: 10–35% extra inference on the bench CNN). A JumpReLU gate
 * {@code zᵢ = preᵢ · [preᵢ > θᵢ]} needs only latent i's own encoder column. This fits θᵢ on the activations the
 * features were scored on, as the threshold that disagrees least with the TopK selection, and records the share of
 * (sample, latent) decisions on which gate and TopK agree.
 *
 * <p>Written by hand: the thresholds come from one streaming pass over every activation (a histogram of positive
 * pre-activations per latent, split by whether TopK kept them), which no library offers for this layout. Bins are
 * log-spaced over [{@value #LOWEST}, {@value #HIGHEST}], about 7% apart, so θ is exact to a bin.
 */
final class TopKGates {

    static final double LOWEST = 1e-3;
    static final double HIGHEST = 1e3;
    private static final int BINS = 200;
    private static final double LOG_LOWEST = Math.log(LOWEST);
    private static final double BIN_WIDTH = (Math.log(HIGHEST) - LOG_LOWEST) / BINS;

    private final int latents;
    /** Per latent and bin (bin 0: below LOWEST, bin BINS + 1: above HIGHEST): positive pre-activations TopK kept. */
    private final long[] kept;
    /** The same for positive pre-activations TopK dropped. */
    private final long[] dropped;

    TopKGates(int latents) {
        this.latents = latents;
        this.kept = new long[latents * (BINS + 2)];
        this.dropped = new long[latents * (BINS + 2)];
    }

    /**
     * @param pre pre-activations of {@code rows} samples, row-major {@code (rows, latents)}
     * @param z the TopK codes of the same samples (non-zero = kept)
     * @param rows how many samples
     */
    void add(float[] pre, float[] z, int rows) {
        for (int r = 0; r < rows; r++) {
            int base = r * latents;
            for (int i = 0; i < latents; i++) {
                float p = pre[base + i];
                if (p > 0) {
                    long[] target = z[base + i] > 0 ? kept : dropped;
                    target[i * (BINS + 2) + bin(p)]++;
                }
            }
        }
    }

    private static int bin(double p) {
        if (p < LOWEST) {
            return 0;
        }
        return Math.min(BINS + 1, 1 + (int) ((Math.log(p) - LOG_LOWEST) / BIN_WIDTH));
    }

    /** @return the lower edge of bin b (b ≥ 1), 0 for bin 0 */
    private static double edge(int b) {
        return b == 0 ? 0 : Math.exp(LOG_LOWEST + (b - 1) * BIN_WIDTH);
    }

    /**
     * @return θ per latent: the bin edge minimising (dropped above θ) + (kept below θ); a latent TopK never kept gets
     *     {@link Double#MAX_VALUE} (never active, as under TopK)
     */
    double[] thresholds() {
        double[] theta = new double[latents];
        for (int i = 0; i < latents; i++) {
            int off = i * (BINS + 2);
            long keptTotal = 0;
            long errors = 0; // threshold at edge 0: every dropped positive counts as an error
            for (int b = 0; b < BINS + 2; b++) {
                keptTotal += kept[off + b];
                errors += dropped[off + b];
            }
            if (keptTotal == 0) {
                theta[i] = Double.MAX_VALUE;
                continue;
            }
            long best = errors;
            int bestBin = 0;
            for (int b = 0; b < BINS + 1; b++) { // move the threshold above bin b
                errors += kept[off + b] - dropped[off + b];
                if (errors < best) {
                    best = errors;
                    bestBin = b + 1;
                }
            }
            theta[i] = edge(bestBin);
        }
        return theta;
    }

    /**
     * @param theta thresholds from {@link #thresholds()}
     * @param latent a latent
     * @return the share of its positive pre-activations on which the gate and TopK agree (1 when it never fired)
     */
    double agreement(double[] theta, int latent) {
        int off = latent * (BINS + 2);
        long agree = 0;
        long total = 0;
        for (int b = 0; b < BINS + 2; b++) {
            boolean open = b > 0 && edge(b) >= theta[latent] || b == 0 && theta[latent] <= 0;
            agree += open ? kept[off + b] : dropped[off + b];
            total += kept[off + b] + dropped[off + b];
        }
        return total == 0 ? 1 : (double) agree / total;
    }
}
