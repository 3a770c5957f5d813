package io.unlearn.ml.sae;

/**
 * What is stored next to an SAE's parameters.
 *
 * @param identity layer, parent model version, widths, spec (also inside the parameter file)
 * @param quality FVU, mean L0, dead share and spliced accuracy on held-out samples
 * @param training the training report
 */
public record SaeMetadata(SaeIdentity identity, SaeQuality quality, SaeTrainingReport training) {
}
