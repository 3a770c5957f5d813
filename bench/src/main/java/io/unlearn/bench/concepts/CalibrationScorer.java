package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.suppression.PatternEffect;
import java.util.Set;

/**
 * How a model is scored on the calibration half, for the {@link CalibrationRule}: concept and non-concept accuracy
 * as the concept's kind defines them.
 */
@FunctionalInterface
interface CalibrationScorer {

    /**
     * @param model a model, before or after a removal
     * @return its score on the calibration half
     */
    CalibrationRule.Score score(InferenceModel model);

    /**
     * @param calibration the calibration half
     * @param conceptClasses the concept's classes
     * @return concept accuracy = concept samples predicted as a concept class, other = accuracy on the rest
     */
    static CalibrationScorer labels(DataView calibration, Set<Integer> conceptClasses) {
        return m -> CalibrationRule.score(m, calibration, conceptClasses);
    }

    /**
     * @param stamp the pattern concept
     * @param calibration the calibration half of its dataset's clean test split
     * @return concept accuracy = the stamp's effect on the half's stamped non-target images, other = accuracy on the
     *     half's clean images
     */
    static CalibrationScorer pattern(PatternConcept stamp, DataView calibration) {
        return m -> {
            PatternEffect e = stamp.measure(m, calibration);
            return new CalibrationRule.Score(e.effect(), e.cleanAccuracy());
        };
    }
}
