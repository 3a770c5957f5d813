package io.unlearn.evaluator.internals;

import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.PatternViews;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.suppression.AttackSpec;
import io.unlearn.ml.suppression.InferenceModel;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.suppression.PatternEffect;
import io.unlearn.ml.suppression.SuppressedModel;
import io.unlearn.ml.suppression.SuppressionEvaluation;
import io.unlearn.ml.suppression.SuppressionReport;
import java.util.Map;

/**
 * A pattern concept of a SUPPRESSED version (ml {@code ExampleConcepts}: examples that are stamped samples), measured
 * with {@link PatternEffect} on a view of the evaluation half: the stamp's effect (stamped non-target images predicted as
 * the target), the clean twins' rate, clean accuracy and the target class's own, before and after. Under attack, PGD
 * pushes the stamped images towards the target (an attacker bringing the backdoor back) and, with the same budget, their
 * clean twins: a small model can be pushed to any class without a stamp, so what the stamp adds is the difference.
 * Keys under {@code concept.<name>.}: {@code pattern} (1), {@code samples} (pairs), {@code accuracy} / {@code
 * accuracy.before} (the effect), {@code clean.rate[.before]}, {@code excess[.before]}, {@code clean.accuracy[.before]},
 * {@code clean.samples}, {@code target.accuracy[.before]}, {@code accuracy.under.attack},
 * {@code clean.rate.under.attack}, {@code excess.under.attack}.
 */
final class PatternMeasurement {

    private PatternMeasurement() {
    }

    static ConceptFigures measure(PatternConcept pattern, Classifier model, SuppressedModel after, DataView view, AttackSpec attack,
                                  int attackSamples, String key, Map<String, Double> m) {
        InferenceModel original = InferenceModel.of(model);
        PatternEffect before = pattern.measure(original, view);
        PatternEffect now = pattern.measure(after, view);
        SuppressionReport stamped = pattern.evaluation(original, after, view).optAttack(attack).optAttackSamples(attackSamples)
                .optTimingSamples(attackSamples).optRepeats(1).build().run();
        PatternViews pairs = pattern.data().patternViews(view);
        SuppressionReport twins = SuppressionEvaluation.builder().setBefore(original).setAfter(after).setConceptView(pairs.clean())
                .setOtherView(pairs.clean().slice(0, Math.min(1, pairs.size()))).setConceptClasses(pattern.conceptClasses())
                .optElicitedClass(pattern.data().targetClass()).optAttack(attack).optAttackSamples(attackSamples)
                .optTimingSamples(1).optRepeats(1).build().run();
        double excessUnderAttack = stamped.conceptAccUnderAttackAfter() - twins.conceptAccUnderAttackAfter();
        m.put(key + "pattern", 1.0);
        m.put(key + "samples", (double) now.pairs());
        m.put(key + "accuracy", now.effect());
        m.put(key + "accuracy.before", before.effect());
        m.put(key + "clean.rate", now.cleanTargetRate());
        m.put(key + "clean.rate.before", before.cleanTargetRate());
        m.put(key + "excess", now.excess());
        m.put(key + "excess.before", before.excess());
        m.put(key + "clean.accuracy", now.cleanAccuracy());
        m.put(key + "clean.accuracy.before", before.cleanAccuracy());
        m.put(key + "clean.samples", (double) now.cleanSamples());
        m.put(key + "target.accuracy", now.targetAccuracy());
        m.put(key + "target.accuracy.before", before.targetAccuracy());
        m.put(key + "accuracy.under.attack", stamped.conceptAccUnderAttackAfter());
        m.put(key + "clean.rate.under.attack", twins.conceptAccUnderAttackAfter());
        m.put(key + "excess.under.attack", excessUnderAttack);
        return new ConceptFigures(now.excess(), before.excess(), excessUnderAttack, before.cleanAccuracy(), now.cleanAccuracy(),
                stamped.otherAccUnderAttackAfter(), stamped.overheadPercent());
    }
}
