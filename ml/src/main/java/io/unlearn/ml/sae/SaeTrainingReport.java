package io.unlearn.ml.sae;

import java.util.List;

/**
 * What SAE training did.
 *
 * @param epochLoss mean training loss per epoch (reconstruction as FVU, plus the AuxK or L1 term)
 * @param epochFvu mean training-batch FVU per epoch
 * @param deadShareAtEnd share of latents dead (no firing for {@code deadAfterSamples}) at the end, in [0, 1]
 * @param samples activation rows trained on
 * @param seconds wall time
 */
public record SaeTrainingReport(List<Double> epochLoss, List<Double> epochFvu, double deadShareAtEnd, int samples,
        double seconds) {

    /** Copies the lists. */
    public SaeTrainingReport {
        epochLoss = List.copyOf(epochLoss);
        epochFvu = List.copyOf(epochFvu);
    }
}
