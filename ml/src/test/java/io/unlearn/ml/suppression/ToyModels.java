package io.unlearn.ml.suppression;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
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

/**
 * An MLP 8-16-4 trained on {@link ToyConcepts} and two TopK SAEs on it, one on the penultimate layer and one on
 * {@code encoder.1} (the hidden layer before its ReLU), built once per test JVM (a few seconds). Shared: do not close.
 */
final class ToyModels {

    static final String LOWER_LAYER = "encoder.1";
    static final Concept A = Concept.ofClasses("a", List.of("a"), ToyConcepts.CLASSES);

    private static UnlearnDataset data;
    private static Classifier model;
    private static SparseAutoencoder penultimateSae;
    private static SparseAutoencoder lowerSae;

    private ToyModels() {
    }

    static synchronized UnlearnDataset data() {
        if (data == null) {
            data = ToyConcepts.dataset(2000, 11);
        }
        return data;
    }

    static synchronized Classifier model() {
        if (model == null) {
            ModelSpec spec = new ModelSpec(Architecture.MLP, List.of((long) ToyConcepts.DIM), 4, List.of(16),
                    TrainingSpec.builder().optEpochs(8).optBatchSize(64).optLearningRate(3e-3).optSeed(2).build());
            model = ModelTraining.trainNew(spec, data().train(), TestData.cpu(), ProgressListener.NONE).model();
        }
        return model;
    }

    static synchronized SparseAutoencoder sae(String layer) {
        boolean lower = LOWER_LAYER.equals(layer);
        if (lower ? lowerSae == null : penultimateSae == null) {
            SaeSpec spec = SaeSpec.builder().setKind(SaeKind.TOPK).optExpansion(4).optK(4).optEpochs(15)
                    .optBatchSize(128).optDeadAfterSamples(1000).optSeed(4).build();
            SparseAutoencoder sae = SaeTrainer.train(ActivationCapture.capture(ModelLayer.of(model(), layer),
                    data().train()), model().sha256(), spec, TestData.cpu(), ProgressListener.NONE).sae();
            if (lower) {
                lowerSae = sae;
            } else {
                penultimateSae = sae;
            }
        }
        return lower ? lowerSae : penultimateSae;
    }

    /**
     * @param layer {@code penultimate} or {@link #LOWER_LAYER}
     * @param topK the concept's top-scored latents suppressed
     * @param clamp null to scale them by −1, else the value they are clamped to
     * @param keepErrorTerm whether the SAE's reconstruction error is added back
     * @return the model with concept {@link #A} suppressed (close it)
     */
    static SuppressedModel suppressed(String layer, int topK, Double clamp, boolean keepErrorTerm) {
        SparseAutoencoder sae = sae(layer);
        FeatureScores scores = FeatureScoring.score(model(), sae, A, data().train());
        SuppressionConfig c = SuppressionConfig.of("a", List.of("a"), sae, "mem:", scores, topK, -1.0, clamp,
                keepErrorTerm);
        return SuppressedModel.of(model(), List.of(c), List.of(sae));
    }
}
