package io.unlearn.ml.sae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.Architecture;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuppressionToyTest {

    @Test
    void suppressingAConceptsFeaturesRemovesThatConceptOnly() {
        UnlearnDataset data = ToyConcepts.dataset(2000, 11);
        ModelSpec spec = new ModelSpec(Architecture.MLP, List.of((long) ToyConcepts.DIM), 4, List.of(16),
                TrainingSpec.builder().optEpochs(8).optBatchSize(64).optLearningRate(3e-3).optSeed(2).build());
        try (Classifier model = ModelTraining.trainNew(spec, data.train(), TestData.cpu(), ProgressListener.NONE).model()) {
            ModelLayer layer = ModelLayer.of(model, ModelLayer.PENULTIMATE);
            SaeSpec saeSpec = SaeSpec.builder().setKind(SaeKind.TOPK).optExpansion(4).optK(4).optEpochs(15)
                    .optBatchSize(128).optDeadAfterSamples(1000).optSeed(4).build();
            try (SparseAutoencoder sae = SaeTrainer.train(ActivationCapture.capture(layer, data.train()),
                    model.sha256(), saeSpec, TestData.cpu(), ProgressListener.NONE).sae()) {
                Concept concept = Concept.ofClasses("a", List.of("a"), ToyConcepts.CLASSES);
                FeatureScores scores = FeatureScoring.score(model, sae, concept, data.train());
                SuppressionConfig config = SuppressionConfig.of("a", List.of("a"), sae, "mem:", scores, 4, -1.0, null,
                        true);
                try (SuppressedModel suppressed = SuppressedModel.of(model, List.of(config), List.of(sae))) {
                    SuppressionReport r = SuppressionEvaluation.builder().setBefore(InferenceModel.of(model))
                            .setAfter(suppressed).setConceptView(byClass(data.test(), true))
                            .setOtherView(byClass(data.test(), false)).setConceptClasses(Set.of(0))
                            .optAttack(AttackSpec.fgsm(0.05)).optAttackSamples(200).optTimingSamples(200).build().run();
                    System.out.println("toy: " + r);
                    assertTrue(r.conceptAccBefore() > 90, "the toy model should know class a: " + r.conceptAccBefore());
                    assertTrue(r.conceptAccAfter() < 20, "suppression should remove class a: " + r.conceptAccAfter());
                    assertTrue(r.otherAccAfter() > r.otherAccBefore() - 5, "other classes should stay: "
                            + r.otherAccBefore() + " -> " + r.otherAccAfter());
                }
            }
        }
    }

    private static DataView byClass(DataView view, boolean conceptClass) {
        int[] rows = IntStream.range(0, view.size()).filter(i -> (view.label(i) == 0) == conceptClass)
                .map(view::row).toArray();
        return DataView.of(view.source(), rows);
    }
}
