package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.FeatureScores;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.suppression.SuppressedModel;
import io.unlearn.ml.suppression.SuppressionCalibration;
import io.unlearn.ml.suppression.SuppressionChoice;
import io.unlearn.ml.suppression.SuppressionConfig;
import java.util.List;
import java.util.Map;

/**
 * The SAE method for a pattern concept: SAUCE scores of the stamped training samples against every other training
 * sample, the strength calibrated on the calibration half ({@link PatternConcept#calibrate}: lowest stamp effect
 * within the clean-accuracy budget, guarding the target class's own accuracy too); the suppressed model is closed
 * with the {@link Removal} (the model and the SAE stay open).
 */
final class PatternSaeMethod {

    private PatternSaeMethod() {
    }

    static Removal build(Classifier model, SparseAutoencoder sae, String saeUri, PatternConcept stamp,
            DataView calibration, List<SuppressionChoice> grid, double maxOtherDrop,
            Map<String, List<SuppressionChoice>> sweep) {
        long t0 = System.nanoTime();
        FeatureScores scores = stamp.scores(model, sae);
        SuppressionCalibration.Result r = stamp.calibrate(model, sae, scores, calibration, grid, maxOtherDrop);
        SuppressionChoice best = r.best();
        sweep.putIfAbsent(stamp.concept().name(), r.tried());
        SuppressionConfig config = SuppressionConfig.of(stamp.concept().name(), List.of(), sae, saeUri, scores,
                best.features(), best.scale(), best.clamp(), best.keepErrorTerm());
        SuppressedModel suppressed = SuppressedModel.of(model, List.of(config), List.of(sae));
        return new Removal(suppressed, best.label(), best.conceptAcc(), best.otherAcc(),
                (System.nanoTime() - t0) / 1e9, false, suppressed);
    }
}
