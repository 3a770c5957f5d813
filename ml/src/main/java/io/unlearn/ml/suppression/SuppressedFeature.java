package io.unlearn.ml.suppression;

/**
 * One SAE latent chosen for suppression (Avro {@code SuppressedFeature}, field for field).
 *
 * @param index the latent's index in the SAE dictionary, 0-based
 * @param score its concept score S(i) (higher = more concept-specific)
 * @param scale the multiplier applied to its activation (ignored when the config clamps)
 * @param threshold for a TopK SAE, the JumpReLU gate that stands in for the TopK selection at inference (the latent
 *     counts as active when its pre-activation exceeds it), so only the chosen latents are computed; null runs the
 *     full TopK encoder (and for a ReLU SAE, whose latents are independent anyway)
 */
public record SuppressedFeature(int index, double score, double scale, Double threshold) {

    /** A feature without a gate. */
    public SuppressedFeature(int index, double score, double scale) {
        this(index, score, scale, null);
    }
}
