package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.LogitMask;

/**
 * The label-level baseline: the original model behind a {@link LogitMask} of the concept's classes (their logits
 * −∞). Nothing to tune, so nothing is chosen; its calibration-half accuracies are still measured for the details.
 */
final class MaskMethod {

    private MaskMethod() {
    }

    static Removal build(Classifier original, ConceptCase c, DataView calibration) {
        long t0 = System.nanoTime();
        LogitMask mask = LogitMask.of(original, c.classes());
        CalibrationRule.Score s = CalibrationRule.score(mask, calibration, c.classes());
        return new Removal(mask, "logits of " + c.classes().size() + " class" + (c.classes().size() > 1 ? "es" : "")
                + " = −∞", s.conceptAcc(), s.otherAcc(), (System.nanoTime() - t0) / 1e9, false, mask);
    }
}
