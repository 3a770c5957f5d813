package io.unlearn.ml.suppression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Architecture;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.sae.SaeKind;
import io.unlearn.ml.sae.SaeSpec;
import io.unlearn.ml.sae.SaeTrainer;
import io.unlearn.ml.sae.SparseAutoencoder;
import io.unlearn.ml.train.ModelTraining;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Suppression on {@link ToyConcepts}, where each class lives on its own axis, so the right answer is known. */
class SuppressionToyTest {

    private static UnlearnDataset data;
    private static Classifier model;
    private static SparseAutoencoder sae;

    @BeforeAll
    static void trainModelAndSae() {
        data = ToyConcepts.dataset(2000, 11);
        ModelSpec spec = new ModelSpec(Architecture.MLP, List.of((long) ToyConcepts.DIM), 4, List.of(16),
                TrainingSpec.builder().optEpochs(8).optBatchSize(64).optLearningRate(3e-3).optSeed(2).build());
        model = ModelTraining.trainNew(spec, data.train(), TestData.cpu(), ProgressListener.NONE).model();
        SaeSpec saeSpec = SaeSpec.builder().setKind(SaeKind.TOPK).optExpansion(4).optK(4).optEpochs(15)
                .optBatchSize(128).optDeadAfterSamples(1000).optSeed(4).build();
        sae = SaeTrainer.train(ActivationCapture.capture(ModelLayer.of(model, null), data.train()), model.sha256(),
                saeSpec, TestData.cpu(), ProgressListener.NONE).sae();
    }

    @AfterAll
    static void close() {
        sae.close();
        model.close();
    }

    private static SuppressionConfig configFor(String cls) {
        return configFor(cls, true);
    }

    private static SuppressionConfig configFor(String cls, boolean keepErrorTerm) {
        Concept concept = Concept.ofClasses(cls, List.of(cls), ToyConcepts.CLASSES);
        FeatureScores scores = FeatureScoring.score(model, sae, concept, data.train());
        return SuppressionConfig.of(cls, List.of(cls), sae, "mem:", scores, 4, -1.0, null, keepErrorTerm);
    }

    @Test
    void suppressingAConceptsFeaturesRemovesThatConceptOnly() {
        try (SuppressedModel suppressed = SuppressedModel.of(model, List.of(configFor("a")), List.of(sae))) {
            SuppressionReport r = evaluate(suppressed, Set.of(0));
            System.out.println("toy: " + r);
            assertTrue(r.conceptAccBefore() > 90, "the toy model should know class a: " + r.conceptAccBefore());
            assertTrue(r.conceptAccAfter() < 20, "suppression should remove class a: " + r.conceptAccAfter());
            assertTrue(r.otherAccAfter() > r.otherAccBefore() - 5, "other classes should stay: "
                    + r.otherAccBefore() + " -> " + r.otherAccAfter());
        }
    }

    @Test
    void twoConceptsAtOnceEvenWithDifferentErrorTermSettings() {
        try (SuppressedModel suppressed = SuppressedModel.of(model, List.of(configFor("a"), configFor("b", false)),
                List.of(sae))) {
            int[] predicted = suppressed.predict(data.test());
            for (int cls = 0; cls < 4; cls++) {
                final int c = cls;
                int[] rows = IntStream.range(0, data.test().size()).filter(i -> data.test().label(i) == c).toArray();
                double acc = 100.0 * IntStream.of(rows).filter(i -> predicted[i] == c).count() / rows.length;
                if (cls < 2) {
                    assertTrue(acc < 20, "class " + cls + " should be removed, accuracy " + acc);
                } else {
                    assertTrue(acc > 85, "class " + cls + " should stay, accuracy " + acc);
                }
            }
        }
    }

    private static SuppressionReport evaluate(SuppressedModel suppressed, Set<Integer> classes) {
        return SuppressionEvaluation.builder().setBefore(InferenceModel.of(model)).setAfter(suppressed)
                .setConceptView(byClass(data.test(), classes, true)).setOtherView(byClass(data.test(), classes, false))
                .setConceptClasses(classes).optAttack(AttackSpec.fgsm(0.05)).optAttackSamples(200)
                .optTimingSamples(200).build().run();
    }

    private static DataView byClass(DataView view, Set<Integer> classes, boolean in) {
        int[] rows = IntStream.range(0, view.size()).filter(i -> classes.contains(view.label(i)) == in)
                .map(view::row).toArray();
        return DataView.of(view.source(), rows);
    }
}
