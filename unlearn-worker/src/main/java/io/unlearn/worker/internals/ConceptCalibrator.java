package io.unlearn.worker.internals;

import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.NamedDataset;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.suppression.Concept;
import io.unlearn.ml.suppression.ConceptSplits;
import io.unlearn.ml.suppression.ExampleConcepts;
import io.unlearn.ml.suppression.FeatureScores;
import io.unlearn.ml.suppression.FeatureScoring;
import io.unlearn.ml.suppression.PatternConcept;
import io.unlearn.ml.suppression.SuppressionCalibration;
import java.util.Set;

/**
 * Scores and calibrates one concept on the head's SAE, on {@link ConceptSplits#calibration} (the evaluator judges on the
 * other half). What a concept given by examples stands for is {@link ExampleConcepts}' rule: stamped samples of a stamped
 * dataset are a pattern ({@link PatternConcept}: the examples scored against the samples that carry no stamp, the
 * strength with the lowest stamp effect that costs at most {@code maxOtherDrop} points of clean accuracy, overall and on
 * the target class); otherwise the examples stand for their classes, as labels do (the lowest concept accuracy within the
 * same budget outside them). Examples that are neither are refused with the reason.
 */
final class ConceptCalibrator {

    /**
     * @param kind what the concept was taken for
     * @param scores its SAUCE scores on the head's SAE
     * @param result the calibration: concept accuracy = the classes' accuracy, or the stamp's effect for a pattern
     */
    record Calibrated(ExampleConcepts.Kind kind, FeatureScores scores, SuppressionCalibration.Result result) {
    }

    private final NamedDataset data;
    private final ConceptSettings settings;

    ConceptCalibrator(NamedDataset data, ConceptSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    /**
     * @param model the head's model
     * @param sae its SAE at the concept's layer
     * @param c the concept
     * @param usable the training samples the model may still use (never a forgotten one)
     * @return the scores and the chosen strength
     * @throws UnlearnException when the concept cannot be removed as given (unknown class, mixed examples, examples all
     *     forgotten)
     */
    Calibrated calibrate(Classifier model, SparseAutoencoder sae, ConceptDefinition c, DataView usable) {
        DataView calibration = ConceptSplits.calibration(data.dataset());
        if (c.labels().isEmpty() && ExampleConcepts.of(data).kindOf(c.name(), c.exampleSampleIds()) == ExampleConcepts.Kind.PATTERN) {
            PatternConcept pattern = ExampleConcepts.of(data).pattern(c.name(), c.exampleSampleIds());
            requireExamplesIn(usable, pattern.concept());
            FeatureScores scores = pattern.scores(model, sae, usable);
            return new Calibrated(ExampleConcepts.Kind.PATTERN, scores,
                    pattern.calibrate(model, sae, scores, calibration, settings.grid(), settings.maxOtherDrop()));
        }
        Concept concept = c.concept(data.dataset().train().source().classNames());
        if (c.labels().isEmpty()) {
            requireExamplesIn(usable, concept);
        }
        Set<Integer> classes = concept.classes(usable);
        FeatureScores scores = FeatureScoring.score(model, sae, concept, usable);
        return new Calibrated(ExampleConcepts.Kind.CLASSES, scores, SuppressionCalibration.calibrate(model, sae, scores, calibration,
                classes, settings.grid(), settings.maxOtherDrop()));
    }

    private static void requireExamplesIn(DataView usable, Concept concept) {
        boolean[] in = concept.membership(usable);
        for (boolean b : in) {
            if (b) {
                return;
            }
        }
        throw new UnlearnException("none of concept '" + concept.name() + "''s " + concept.sampleIds().size() + " examples is a "
                + "training sample the model may still use (unknown to this dataset slice, or forgotten); name samples of the "
                + "catalogue the model was trained on");
    }
}
