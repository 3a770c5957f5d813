package io.unlearn.ml.sae;

/**
 * How well an SAE reconstructs its layer, measured on held-out samples.
 *
 * @param fvu fraction of variance unexplained {@code Σ‖x − x̂‖² / Σ‖x − mean‖²} (0 is perfect)
 * @param meanL0 mean number of non-zero latents per sample
 * @param deadShare share of latents that never fire on the evaluation samples, in [0, 1]
 * @param accuracyWithout the model's accuracy without the SAE, percent
 * @param accuracyWithSae the accuracy with {@code x̂} replacing the layer's activations (no error term, no
 *     suppression), percent
 * @param samples evaluation samples
 */
public record SaeQuality(double fvu, double meanL0, double deadShare, double accuracyWithout, double accuracyWithSae,
        int samples) {
}
