package io.unlearn.ml.sae;

import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;
import io.unlearn.ml.train.ModelTraining;

/** One small trained MLP on a Fashion-MNIST slice and one SAE on it, built once per test JVM. */
public final class SaeFixtures {

    private static Classifier model;
    private static SparseAutoencoder sae;

    private SaeFixtures() {
    }

    /** @return 3,000 training and 1,000 test samples */
    public static UnlearnDataset data() {
        return TestData.fashionSlice(3000, 1000);
    }

    /** @return an MLP 784-64-10 trained for 3 epochs (shared: do not close) */
    public static synchronized Classifier model() {
        if (model == null) {
            model = ModelTraining.trainNew(TestData.smallMlp(3, 1), data().train(), TestData.cpu(),
                    ProgressListener.NONE).model();
        }
        return model;
    }

    /** @return a TopK SAE (64 → 256, k 8) on the model's penultimate layer (shared: do not close) */
    public static synchronized SparseAutoencoder sae() {
        if (sae == null) {
            ModelLayer layer = ModelLayer.of(model(), ModelLayer.PENULTIMATE);
            sae = SaeTrainer.train(ActivationCapture.capture(layer, data().train()), model().sha256(), topK(),
                    TestData.cpu(), ProgressListener.NONE).sae();
        }
        return sae;
    }

    public static SaeSpec topK() {
        return SaeSpec.builder().setKind(SaeKind.TOPK).optExpansion(4).optK(8).optEpochs(8).optBatchSize(128)
                .optDeadAfterSamples(1500).optSeed(3).build();
    }
}
