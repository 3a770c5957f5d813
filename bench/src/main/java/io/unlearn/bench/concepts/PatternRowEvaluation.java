package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.suppression.SuppressionReport;

/**
 * The one evaluation of a pattern concept's removal on the report half, whatever the method: concept accuracy is the
 * stamp's effect (stamped non-target images predicted as the target), non-concept accuracy the accuracy on the clean
 * images, PGD on stamped images elicits the target ({@link PatternConcept#evaluation}); the stamp's clean floor
 * ({@link PatternConcept#measure}); the probe and relearning attacks on the stamped and clean twins
 * ({@link StampTwins}), the attacker drawing from the stamped training split.
 *
 * @param stamp the pattern concept
 * @param original the model before removal
 * @param reportHalf the report half of the clean test split
 * @param twins its stamped and clean twins
 * @param attack the PGD attack
 * @param attackSamples samples attacked per side
 * @param seed seed of the attacks on the representation
 * @param timingRepeats passes per model when timing inference
 */
record PatternRowEvaluation(PatternConcept stamp, Classifier original, DataView reportHalf, StampTwins twins,
        AttackSpec attack, int attackSamples, long seed, int timingRepeats) {

    /**
     * @param after the model after removal
     * @return the measurements of the row
     */
    RowMeasurement measure(InferenceModel after) {
        long t0 = System.nanoTime();
        SuppressionReport r = stamp.evaluation(InferenceModel.of(original), after, reportHalf).optAttack(attack)
                .optAttackSamples(attackSamples).optRepeats(timingRepeats).build().run();
        ConceptCase attacked = ConceptCase.pattern(twins.concept(), stamp.data().targetClass());
        var attacks = RepresentationAttacks.measure(after, attacked, stamp.data().dataset().train(), twins.view(), seed);
        return new RowMeasurement(r, attacks, stamp.measure(after, reportHalf), (System.nanoTime() - t0) / 1e9);
    }
}
