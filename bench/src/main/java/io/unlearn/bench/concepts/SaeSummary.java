package io.unlearn.bench.concepts;

import io.unlearn.ml.sae.SaeQuality;

/**
 * One SAE of the run.
 *
 * @param kind TOPK or RELU_L1
 * @param layer the layer
 * @param sha256 its address
 * @param width layer width
 * @param latents dictionary size
 * @param quality FVU, L0, dead share, accuracy with and without it, on the test set
 * @param trainingSeconds training time (of the run that trained it)
 * @param reused whether this run found it in the store
 */
public record SaeSummary(String kind, String layer, String sha256, int width, int latents, SaeQuality quality,
        double trainingSeconds, boolean reused) {
}
