package io.unlearn.ml.suppression;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Second check of a pattern concept's calibration: the stamp's latents can overlap the target class's own, and a
 * setting that silences part of the target class costs average clean accuracy only a tenth of what it costs that
 * class. Among the settings within the clean-accuracy budget, lowest stamp effect first, it keeps the first that also
 * costs the target class's clean images at most the same budget; when none does, the one that costs them the least.
 */
final class TargetClassGuard {

    private TargetClassGuard() {
    }

    static SuppressionCalibration.Result apply(SuppressionCalibration.Result calibrated, Classifier model,
            SparseAutoencoder sae, FeatureScores scores, DataView calibrationView, int target, double maxDrop) {
        int[] rows = IntStream.range(0, calibrationView.size()).filter(p -> calibrationView.label(p) == target)
                .map(calibrationView::row).toArray();
        if (rows.length == 0) {
            return calibrated;
        }
        DataView targets = DataView.of(calibrationView.source(), rows);
        double base = targetAccuracy(InferenceModel.of(model).predict(targets), target);
        List<SuppressionChoice> candidates = calibrated.tried().stream()
                .filter(c -> c.otherAcc() >= calibrated.baseOtherAcc() - maxDrop)
                .sorted(Comparator.comparingDouble(SuppressionChoice::conceptAcc)).toList();
        SuppressionChoice leastCostly = null;
        double leastCostlyAcc = -1;
        for (SuppressionChoice c : candidates) {
            SuppressionConfig config = SuppressionConfig.of("calibration", List.of(), sae, "", scores, c.features(),
                    c.scale(), c.clamp(), c.keepErrorTerm());
            try (SuppressedModel suppressed = SuppressedModel.of(model, List.of(config), List.of(sae))) {
                double acc = targetAccuracy(suppressed.predict(targets), target);
                if (acc >= base - maxDrop) {
                    return withBest(calibrated, c);
                }
                if (acc > leastCostlyAcc) {
                    leastCostly = c;
                    leastCostlyAcc = acc;
                }
            }
        }
        return leastCostly == null ? calibrated : withBest(calibrated, leastCostly);
    }

    private static SuppressionCalibration.Result withBest(SuppressionCalibration.Result r, SuppressionChoice best) {
        return new SuppressionCalibration.Result(best, r.tried(), r.baseConceptAcc(), r.baseOtherAcc());
    }

    private static double targetAccuracy(int[] predicted, int target) {
        return 100.0 * IntStream.of(predicted).filter(p -> p == target).count() / Math.max(1, predicted.length);
    }
}
