package io.unlearn.worker.internals;

import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeSpec;
import io.unlearn.ml.suppression.SuppressionCalibration;
import io.unlearn.ml.suppression.SuppressionChoice;
import java.util.List;

/**
 * How the worker serves concept-removal requests (from the {@code concept.*} keys of WorkerConfig): the SAE it
 * trains once per model version and layer, and the suppression grid it calibrates each concept on.
 *
 * @param saeKind TopK or ReLU + L1
 * @param expansion dictionary size as a multiple of the layer width
 * @param saeEpochs SAE training epochs
 * @param features top-k values tried
 * @param scales γ values tried
 * @param clamps clamp values tried
 * @param maxOtherDrop the non-concept accuracy (points) calibration may give up
 * @param tryWithoutErrorTerm whether settings that drop the SAE's error term are tried too (they run the whole SAE at
 *     inference)
 * @param seed the SAE's seed
 */
public record ConceptSettings(SaeKind saeKind, int expansion, int saeEpochs, List<Integer> features, List<Double> scales,
        List<Double> clamps, double maxOtherDrop, boolean tryWithoutErrorTerm, long seed) {

    public SaeSpec saeSpec() {
        return SaeSpec.builder().setKind(saeKind).optExpansion(expansion).optEpochs(saeEpochs).optSeed(seed).build();
    }

    /** Every setting with the SAE's error term kept, and dropped too when {@code tryWithoutErrorTerm}. */
    public List<SuppressionChoice> grid() {
        return SuppressionCalibration.grid(features, scales, clamps, tryWithoutErrorTerm);
    }
}
