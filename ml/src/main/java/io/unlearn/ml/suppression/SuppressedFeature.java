package io.unlearn.ml.suppression;

/**
 * One SAE latent chosen for suppression (Avro {@code SuppressedFeature}, field for field).
 *
 * @param index the latent's index in the SAE dictionary, 0-based
 * @param score its concept score S(i) (higher = more concept-specific)
 * @param scale the multiplier applied to its activation (ignored when the config clamps)
 */
public record SuppressedFeature(int index, double score, double scale) {
}
