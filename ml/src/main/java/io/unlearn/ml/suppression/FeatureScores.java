package io.unlearn.ml.suppression;

import io.unlearn.ml.UnlearnException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * SAUCE concept scores of every latent: {@code S(i) = μ⁺ᵢ/(Σⱼμ⁺ⱼ + δ) − μ⁻ᵢ/(Σⱼμ⁻ⱼ + δ)}, with μ± the mean
 * activation of latent i on concept / non-concept samples.
 *
 * @param score S, one per latent
 * @param meanConcept μ⁺, one per latent
 * @param meanOther μ⁻, one per latent
 * @param gates for a TopK SAE, per latent the JumpReLU threshold that stands in for the TopK selection at inference
 *     ({@link TopKGates}); null for a ReLU SAE, whose latents are independent anyway
 * @param gateAgreement per latent, the share of its positive pre-activations on which the gate and TopK agreed on the
 *     scored samples; null with {@code gates}
 */
public record FeatureScores(double[] score, double[] meanConcept, double[] meanOther, double[] gates,
        double[] gateAgreement) {

    /** Scores without gates (a ReLU SAE, or a TopK SAE inferred the exact way). */
    public FeatureScores(double[] score, double[] meanConcept, double[] meanOther) {
        this(score, meanConcept, meanOther, null, null);
    }

    /**
     * @param latents chosen latents
     * @return the mean {@link #gateAgreement} over them, or 1 without gates
     */
    public double meanGateAgreement(int[] latents) {
        if (gateAgreement == null || latents.length == 0) {
            return 1;
        }
        double sum = 0;
        for (int i : latents) {
            sum += gateAgreement[i];
        }
        return sum / latents.length;
    }

    /**
     * @param k how many
     * @return the k latents of highest score, best first (ties by lower index)
     */
    public int[] top(int k) {
        if (k < 1 || k > score.length) {
            throw new UnlearnException("top-k features: k must lie in [1, " + score.length + "], was " + k);
        }
        return IntStream.range(0, score.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "FeatureScores" + Arrays.toString(top(Math.min(5, score.length)));
    }
}
