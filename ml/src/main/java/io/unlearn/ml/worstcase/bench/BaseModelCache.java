package io.unlearn.ml.worstcase.bench;

import ai.djl.Device;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.train.ModelTraining;
import io.unlearn.ml.worstcase.WorstCaseForgetSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Trains a base model or loads it from the cache that {@code io.unlearn.ml.bench.MethodsBenchmark} fills: the same
 * index ({@code base-<sha256(spec|dataset|train size|last id)>.txt} naming the checkpoint) in the same
 * {@link CheckpointStore}, so the two benchmarks share their base models. (That class's helper is package-private;
 * this mirrors its key so either can fill the cache.)
 */
final class BaseModelCache {

    private BaseModelCache() {
    }

    static Classifier obtain(Path cache, ModelSpec spec, UnlearnDataset data, Device device, ProgressListener listener) {
        String key = WorstCaseForgetSet.digestOf(List.of(spec + "|" + data.name() + "|" + data.train().size() + "|"
                + data.train().id(data.train().size() - 1)));
        CheckpointStore store = cache == null ? null : new CheckpointStore(cache);
        Path index = cache == null ? null : cache.resolve("base-" + key + ".txt");
        try {
            if (index != null && Files.exists(index)) {
                String sha = Files.readString(index).trim();
                if (store.contains(sha)) {
                    return store.load(sha, device);
                }
            }
            ModelTraining.Trained trained = ModelTraining.trainNew(spec, data.train(), device, listener);
            if (store != null) {
                String sha = store.save(trained.model(), new ArtifactMetadata(spec, "train", null,
                        Map.of("samples_per_second", trained.report().steadySamplesPerSecond()))).sha256();
                Files.writeString(index, sha);
            }
            return trained.model();
        } catch (IOException e) {
            throw new UnlearnException("cannot use the base-model cache " + cache + ": " + e.getMessage()
                    + "; pass --cache none or a writable directory", e);
        }
    }
}
