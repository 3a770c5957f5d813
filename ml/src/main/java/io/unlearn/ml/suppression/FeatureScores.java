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
 */
public record FeatureScores(double[] score, double[] meanConcept, double[] meanOther) {

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
