package io.unlearn.worker.testing;

import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TestData;
import io.unlearn.ml.data.Backdoor;
import io.unlearn.ml.data.StampedDataset;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import io.unlearn.worker.ArtifactStore;
import io.unlearn.worker.FileArtifactStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A small backdoored base for pattern-concept tests, built without a broker: a CNN trained on a stamped Fashion-MNIST slice
 * (3 epochs, batch 64, seed 5), stored content-addressed as the worker stores artifacts, and its BASE version record. Seeded:
 * every run builds the same artifact. Why not the worker's {@code BaseModels} recipe (batch 128, seed 42): on a 3,000-sample
 * slice its CNN (6 epochs) entangled the stamp with Trouser at the penultimate layer, and the best suppression that spared
 * Trouser left 29 to 64 % of the stamp's effect (ReLU + L1 SAEs of expansion 4 and 8, 8 and 20 epochs, k 4 to 128, γ −1 to
 * −4); with this recipe (expansion 4, 8 epochs, k 4 to 32, γ −1 and −2) the effect fell from 98.3 % to 0.4 % on the
 * evaluation half (measured while writing these tests).
 */
public final class StampedBase {
    /** The stamped slice: 3,000 training images (about 270 stamped), 1,000 test images (halved for calibration and judgement). */
    public static final StampedDataset DATA = StampedDataset.of(TestData.fashionSlice(3000, 1000), Backdoor.ofDefaults());

    private final ArtifactStore store;
    private final ModelVersion base;

    /** Trains the CNN on {@link #DATA} and stores it under {@code artifacts}. */
    public StampedBase(Path artifacts) {
        this(artifacts, DATA, "stamped");
    }

    /**
     * Trains the CNN on {@code data}'s training view and stores it under {@code artifacts}.
     *
     * @param modelId the model id of the BASE version record
     */
    public StampedBase(Path artifacts, StampedDataset data, String modelId) {
        store = new FileArtifactStore(artifacts);
        TrainingSpec recipe = TrainingSpec.builder().optEpochs(3).optBatchSize(64).optSeed(5).build();
        ModelSpec spec = ModelSpec.cnn(List.of(1L, 28L, 28L), 10, recipe);
        try (Classifier model = ModelTraining.trainNew(spec, data.dataset().train(), TestData.cpu(), ProgressListener.NONE).model()) {
            ArtifactStore.StoredArtifact a = store.put(model, ArtifactMetadata.trained(spec));
            base = ModelVersion.newBuilder().setModelId(modelId).setVersion(1).setVersionId(modelId + "@v1").setKind(ModelVersionKind.BASE)
                    .setMethod("train").setArtifactUri(a.uri()).setArtifactSha256(a.sha256()).setLineageHash("0".repeat(64))
                    .setCreatedAt(Instant.EPOCH).build();
        }
    }

    /** @return the store holding the base's artifact */
    public ArtifactStore store() {
        return store;
    }

    /** @return the BASE version record of the trained model */
    public ModelVersion version() {
        return base;
    }
}
