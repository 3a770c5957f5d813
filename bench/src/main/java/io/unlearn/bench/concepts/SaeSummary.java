package io.unlearn.bench.concepts;

import io.unlearn.ml.sae.SaeArtifact;
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
 * @param dataset the dataset its model was trained on ({@code fmnist}, or {@code fmnist-stamped} for the pattern case)
 */
public record SaeSummary(String kind, String layer, String sha256, int width, int latents, SaeQuality quality,
        double trainingSeconds, boolean reused, String dataset) {

    /**
     * @param a an SAE artifact of the store
     * @param dataset the dataset of its model
     * @return its summary
     */
    static SaeSummary of(SaeArtifact a, String dataset) {
        var id = a.metadata().identity();
        return new SaeSummary(id.spec().kind().name(), id.layer(), a.sha256(), id.inputDim(), id.latents(),
                a.metadata().quality(), a.metadata().training().seconds(), a.reused(), dataset);
    }
}
