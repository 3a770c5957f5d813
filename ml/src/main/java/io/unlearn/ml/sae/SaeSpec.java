package io.unlearn.ml.sae;

import io.unlearn.ml.UnlearnException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a sparse autoencoder is built and trained; stored with every SAE artifact and part of its reuse key.
 * Build with {@link #builder()}: {@code setKind} is required, every {@code opt*} has the documented default.
 *
 * <p>Losses are scale-free: the reconstruction term is divided by the training data's total variance
 * ({@code mean ‖x − mean‖²}), so it reads as the fraction of variance unexplained; the L1 term is
 * {@code λ · mean Σ|zᵢ| / sqrt(total variance)}.
 *
 * @param kind TopK or ReLU + L1
 * @param expansion dictionary size = expansion × layer width (8–32 in the issue)
 * @param k active latents per sample (TopK only)
 * @param auxK latents used by the AuxK loss to reconstruct the residual from dead latents (TopK only)
 * @param auxCoefficient weight of the AuxK loss (1/32 in the reference code)
 * @param l1Coefficient λ of the L1 penalty (ReLU + L1 only)
 * @param epochs passes over the captured activations
 * @param batchSize activation rows per step
 * @param learningRate Adam's learning rate
 * @param deadAfterSamples a latent that has not fired for this many training samples counts as dead (AuxK)
 * @param seed seed of the initial dictionary and of the batch order
 */
public record SaeSpec(SaeKind kind, int expansion, int k, int auxK, double auxCoefficient, double l1Coefficient,
        int epochs, int batchSize, double learningRate, int deadAfterSamples, long seed) {

    /** Default expansion factor. */
    public static final int DEFAULT_EXPANSION = 8;
    /** Default k of the TopK SAE. */
    public static final int DEFAULT_K = 32;
    /**
     * Default λ of the ReLU + L1 SAE: a starting point, not tuned (λ 0.05 gave a mean L0 of 113 of 1,024 latents on
     * the CNN's penultimate layer; the benchmark reports what this value gives).
     */
    public static final double DEFAULT_L1 = 0.1;

    /** Checks every field, naming the bad value. */
    public SaeSpec {
        List<String> problems = new ArrayList<>();
        if (kind == null) { problems.add("kind is missing (setKind(SaeKind.TOPK) or RELU_L1)"); }
        if (expansion < 1 || expansion > 64) { problems.add("expansion must lie in [1, 64], was " + expansion); }
        if (k < 1) { problems.add("k must be at least 1, was " + k); }
        if (auxK < 0) { problems.add("auxK must be >= 0, was " + auxK); }
        if (!(auxCoefficient >= 0)) { problems.add("auxCoefficient must be >= 0, was " + auxCoefficient); }
        if (!(l1Coefficient >= 0)) { problems.add("l1Coefficient must be >= 0, was " + l1Coefficient); }
        if (epochs < 1) { problems.add("epochs must be at least 1, was " + epochs); }
        if (batchSize < 1) { problems.add("batchSize must be at least 1, was " + batchSize); }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.add("learningRate must be a positive number, was " + learningRate);
        }
        if (deadAfterSamples < 1) { problems.add("deadAfterSamples must be at least 1, was " + deadAfterSamples); }
        if (!problems.isEmpty()) {
            throw new UnlearnException("bad SAE spec: " + String.join("; ", problems));
        }
    }

    /**
     * @param inputDim the layer width
     * @return the dictionary size {@code expansion × inputDim}
     */
    public int latents(int inputDim) {
        return expansion * inputDim;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder: {@code setKind} required, the rest optional. */
    public static final class Builder {
        private SaeKind kind;
        private int expansion = DEFAULT_EXPANSION;
        private int k = DEFAULT_K;
        private int auxK = 64;
        private double auxCoefficient = 1.0 / 32;
        private double l1Coefficient = DEFAULT_L1;
        private int epochs = 10;
        private int batchSize = 256;
        private double learningRate = 1e-3;
        private int deadAfterSamples = 10_000;
        private long seed;

        /** @param v TopK or ReLU + L1 @return this */
        public Builder setKind(SaeKind v) { kind = v; return this; }
        /** @param v expansion factor (default 8) @return this */
        public Builder optExpansion(int v) { expansion = v; return this; }
        /** @param v k of TopK (default 32) @return this */
        public Builder optK(int v) { k = v; return this; }
        /** @param v AuxK latents (default 64) @return this */
        public Builder optAuxK(int v) { auxK = v; return this; }
        /** @param v AuxK weight (default 1/32) @return this */
        public Builder optAuxCoefficient(double v) { auxCoefficient = v; return this; }
        /** @param v L1 λ (default {@value #DEFAULT_L1}) @return this */
        public Builder optL1Coefficient(double v) { l1Coefficient = v; return this; }
        /** @param v epochs (default 10) @return this */
        public Builder optEpochs(int v) { epochs = v; return this; }
        /** @param v batch size (default 256) @return this */
        public Builder optBatchSize(int v) { batchSize = v; return this; }
        /** @param v Adam learning rate (default 1e-3) @return this */
        public Builder optLearningRate(double v) { learningRate = v; return this; }
        /** @param v samples without firing before a latent is dead (default 10,000) @return this */
        public Builder optDeadAfterSamples(int v) { deadAfterSamples = v; return this; }
        /** @param v seed (default 0) @return this */
        public Builder optSeed(long v) { seed = v; return this; }

        /** @return the checked spec */
        public SaeSpec build() {
            return new SaeSpec(kind, expansion, k, auxK, auxCoefficient, l1Coefficient, epochs, batchSize,
                    learningRate, deadAfterSamples, seed);
        }
    }
}
