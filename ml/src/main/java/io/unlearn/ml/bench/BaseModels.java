package io.unlearn.ml.bench;

import ai.djl.Device;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.internals.ParameterBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Trains the benchmark's base models, or loads them from a cache of earlier runs: training is deterministic,
 * so the same spec on the same data gives the same parameters, and a rerun (e.g. a hyperparameter sweep)
 * need not pay for it again. The cache is a {@link CheckpointStore}; an index file maps the spec and data
 * to the checkpoint, and the training throughput is kept in the checkpoint's metadata.
 */
final class BaseModels {

    /** A base model and the training throughput measured when it was trained. */
    record Base(Classifier model, double samplesPerSecond) {
    }

    private BaseModels() {
    }

    static Base obtain(Path cache, ModelSpec spec, UnlearnDataset data, Device device, ProgressListener listener) {
        String key = ParameterBytes.sha256((spec + "|" + data.name() + "|" + data.train().size() + "|"
                + data.train().id(data.train().size() - 1)).getBytes(StandardCharsets.UTF_8));
        CheckpointStore store = cache == null ? null : new CheckpointStore(cache);
        Path index = cache == null ? null : cache.resolve("base-" + key + ".txt");
        try {
            if (index != null && Files.exists(index)) {
                String sha = Files.readString(index).trim();
                if (store.contains(sha)) {
                    Object sps = store.get(sha).metadata().hyperparameters().get("samples_per_second");
                    return new Base(store.load(sha, device), ((Number) sps).doubleValue());
                }
            }
            var trained = io.unlearn.ml.train.ModelTraining.trainNew(spec, data.train(), device, listener);
            double sps = trained.report().steadySamplesPerSecond();
            if (store != null) {
                String sha = store.save(trained.model(), new ArtifactMetadata(spec, "train", null,
                        Map.of("samples_per_second", sps))).sha256();
                Files.writeString(index, sha);
            }
            return new Base(trained.model(), sps);
        } catch (IOException e) {
            throw new io.unlearn.ml.UnlearnException("cannot use the base-model cache " + cache + ": " + e.getMessage()
                    + "; pass --cache none or a writable directory", e);
        }
    }
}
