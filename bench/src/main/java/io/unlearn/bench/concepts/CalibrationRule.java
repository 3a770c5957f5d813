package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.suppression.SuppressionCalibration;
import java.util.Set;

/**
 * The one rule by which every tuned method of the benchmark picks its setting, on the calibration half only: the
 * lowest concept accuracy among the settings that lose at most {@code maxOtherDrop} points of non-concept accuracy
 * against the original model; when none qualifies, the one that loses the least. Ties keep the earlier setting.
 * It is the rule {@code SuppressionCalibration} applies to the SAE's grid, so no method gets a kinder judge.
 *
 * @param baseOtherAcc non-concept accuracy of the original model on the calibration half, percent
 * @param maxOtherDrop allowed loss of non-concept accuracy, points
 */
record CalibrationRule(double baseOtherAcc, double maxOtherDrop) {

    /**
     * Accuracies of one model on the calibration half.
     *
     * @param conceptAcc share of concept samples predicted as any concept class, percent
     * @param otherAcc accuracy on the other samples, percent
     */
    record Score(double conceptAcc, double otherAcc) {
    }

    /**
     * @param original the model before removal
     * @param scorer scores a model on the calibration half
     * @param maxOtherDrop allowed loss of non-concept accuracy, points
     * @return the rule, with the original model's non-concept accuracy as the reference
     */
    static CalibrationRule against(InferenceModel original, CalibrationScorer scorer, double maxOtherDrop) {
        return new CalibrationRule(scorer.score(original).otherAcc(), maxOtherDrop);
    }

    /**
     * @param model a model
     * @param view samples
     * @param conceptClasses the concept's classes
     * @return its concept and non-concept accuracy on the view
     */
    static Score score(InferenceModel model, DataView view, Set<Integer> conceptClasses) {
        double[] acc = SuppressionCalibration.accuracies(model.predict(view), view, conceptClasses);
        return new Score(acc[0], acc[1]);
    }

    /** @return whether the score keeps non-concept accuracy within the allowed drop */
    boolean admits(Score s) {
        return s.otherAcc() >= baseOtherAcc - maxOtherDrop;
    }

    /**
     * @param candidate a later setting's score
     * @param incumbent the best so far
     * @return whether the candidate replaces the incumbent (strictly better; ties keep the incumbent)
     */
    boolean prefers(Score candidate, Score incumbent) {
        boolean candidateOk = admits(candidate);
        if (candidateOk != admits(incumbent)) {
            return candidateOk;
        }
        return candidateOk ? candidate.conceptAcc() < incumbent.conceptAcc()
                : candidate.otherAcc() > incumbent.otherAcc();
    }
}
