package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.LogitMask;

/**
 * The label-level baseline: the original model behind a {@link LogitMask} of the concept's classes (their logits
 * −∞). Nothing to tune, so nothing is chosen; its calibration-half accuracies are still measured for the details. For
 * a pattern concept it masks the class the pattern triggers: the pattern's effect goes to 0, and so does that class.
 */
final class MaskMethod {

    private MaskMethod() {
    }

    static Removal build(Classifier original, ConceptCase c, DataView calibration) {
        return build(original, c, CalibrationScorer.labels(calibration, c.classes()));
    }

    static Removal build(Classifier original, ConceptCase c, CalibrationScorer scorer) {
        long t0 = System.nanoTime();
        LogitMask mask = LogitMask.of(original, c.classes());
        CalibrationRule.Score s = scorer.score(mask);
        return new Removal(mask, "logits of " + c.classes().size() + " class" + (c.classes().size() > 1 ? "es" : "")
                + " = −∞", s.conceptAcc(), s.otherAcc(), (System.nanoTime() - t0) / 1e9, false, mask);
    }
}
