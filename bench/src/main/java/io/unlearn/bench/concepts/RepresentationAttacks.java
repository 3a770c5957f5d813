package io.unlearn.bench.concepts;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.suppression.ConceptAttackEvaluation;
import io.unlearn.ml.suppression.ConceptAttackReport;
import io.unlearn.ml.suppression.InferenceModel;

/**
 * Is a removed concept gone from the representation, or only hidden at the output? Runs
 * {@link ConceptAttackEvaluation} on a row's model after removal: a linear probe on held-out samples and the
 * relearning attack (the head fine-tuned on k = 10 and 100 concept samples drawn from the attacker's view, scored on
 * the held-out samples). The attacker draws from the training split; held-out samples come from the report half, so
 * neither the probe nor the relearnt head is scored on anything calibration saw.
 */
final class RepresentationAttacks {

    private RepresentationAttacks() {
    }

    /**
     * @param after the model after removal
     * @param c the removed concept ({@link ConceptCase#asOne()}: by classes, or by example ids)
     * @param attackerView labelled samples the attacker draws from (the training split)
     * @param heldOut report-half samples with and without the concept
     * @param seed seed of the probe's draw and split and of the attacker's draw
     * @return the probe and relearning measurements
     */
    static ConceptAttackReport measure(InferenceModel after, ConceptCase c, DataView attackerView, DataView heldOut,
            long seed) {
        return ConceptAttackEvaluation.builder().setModel(after).setConcept(c.asOne()).setAttackerView(attackerView)
                .setHeldOutView(heldOut).optConceptClasses(c.classes()).optSeed(seed).build().run();
    }
}
