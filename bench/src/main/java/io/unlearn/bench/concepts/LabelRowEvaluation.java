package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.suppression.SuppressionEvaluation;
import io.unlearn.ml.suppression.SuppressionReport;
import java.util.stream.IntStream;

/**
 * The one evaluation of a label concept's removal on the report half, whatever the method: concept samples are those
 * of the concept's classes, the others are scored with ordinary accuracy ({@link SuppressionEvaluation}); then the
 * probe and relearning attacks ({@link RepresentationAttacks}) on the same half, the attacker drawing from the
 * training split.
 *
 * @param original the model before removal
 * @param reportHalf the report half of the test split
 * @param attackerView the training split
 * @param attack the PGD attack
 * @param attackSamples samples attacked per side
 * @param seed seed of the attacks on the representation
 * @param timingRepeats passes per model when timing inference
 */
record LabelRowEvaluation(Classifier original, DataView reportHalf, DataView attackerView, AttackSpec attack,
        int attackSamples, long seed, int timingRepeats) {

    /**
     * @param after the model after removal
     * @param c the concept
     * @return the measurements of the row
     */
    RowMeasurement measure(InferenceModel after, ConceptCase c) {
        long t0 = System.nanoTime();
        var classes = c.classes();
        DataView view = reportHalf;
        int[] in = IntStream.range(0, view.size()).filter(i -> classes.contains(view.label(i))).map(view::row).toArray();
        int[] out = IntStream.range(0, view.size()).filter(i -> !classes.contains(view.label(i))).map(view::row)
                .toArray();
        SuppressionReport r = SuppressionEvaluation.builder().setBefore(InferenceModel.of(original)).setAfter(after)
                .setConceptView(DataView.of(view.source(), in)).setOtherView(DataView.of(view.source(), out))
                .setConceptClasses(classes).optAttack(attack).optAttackSamples(attackSamples).optRepeats(timingRepeats).build().run();
        return new RowMeasurement(r, RepresentationAttacks.measure(after, c, attackerView, reportHalf, seed), null,
                (System.nanoTime() - t0) / 1e9);
    }
}
