package io.unlearn.bench.concepts;

import io.unlearn.ml.suppression.ConceptAttackReport;
import io.unlearn.ml.suppression.PatternEffect;
import io.unlearn.ml.suppression.SuppressionReport;

/**
 * Everything else measured for a row: the full report, the probe and relearning attacks, what calibration chose and
 * how long the method took.
 *
 * @param concept the concept
 * @param method sae, ga, mask, weights or retrain
 * @param choice the chosen setting, e.g. {@code k=32 γ=-2.0 err}, {@code lr=3e-5} or {@code rl lr=0.001}
 * @param calibrationConceptAcc concept accuracy of the choice on the calibration half
 * @param calibrationOtherAcc non-concept accuracy of the choice on the calibration half
 * @param report the evaluation on the report half
 * @param methodSeconds time to remove the concept (scoring + calibration, the weight-editing runs, or the retrain;
 *     a cached retrain only loads), seconds
 * @param attacks the probe and the relearning attacks on the model after removal
 * @param relearnOtherAccK10 accuracy on held-out non-concept samples of the head fine-tuned on 10 concept samples
 *     (read with {@code relearn_acc_k10}: a head collapsed onto the concept has high concept, low other accuracy)
 * @param relearnOtherAccK100 the same with 100 concept samples
 * @param cleanFalseTargetRate pattern rows: share of the clean twins of the stamped report images predicted as the
 *     target, the floor the stamp's effect can fall to; null for label rows
 * @param pattern pattern rows: the stamp's effect, clean and target-class accuracy after removal; null for label rows
 * @param evaluationSeconds time the row's measurements on the report half took, seconds
 */
public record ConceptDetail(String concept, String method, String choice, double calibrationConceptAcc,
        double calibrationOtherAcc, SuppressionReport report, double methodSeconds, ConceptAttackReport attacks,
        double relearnOtherAccK10, double relearnOtherAccK100, Double cleanFalseTargetRate, PatternEffect pattern,
        double evaluationSeconds) {

    /**
     * @param c the case
     * @param method the method's name
     * @param removal what the method chose
     * @param m what was measured on the report half
     * @return the detail of the row
     */
    static ConceptDetail of(ConceptCase c, String method, Removal removal, RowMeasurement m) {
        return new ConceptDetail(c.name(), method, removal.choice(), removal.calibrationConceptAcc(),
                removal.calibrationOtherAcc(), m.report(), removal.seconds(), m.attacks(),
                m.attacks().relearnK10().otherAccAfter(), m.attacks().relearnK100().otherAccAfter(),
                m.pattern() == null ? null : m.pattern().cleanTargetRate(), m.pattern(), m.seconds());
    }
}
