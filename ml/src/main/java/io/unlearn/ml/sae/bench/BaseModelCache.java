package io.unlearn.ml.sae.bench;

import ai.djl.Device;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.train.ModelTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Trains the base model or loads it from a {@link CheckpointStore} cache. Uses the same index files
 * ({@code base-<key>.txt}, key = sha256 of spec, dataset name, size and last id) as the methods benchmark's
 * package-private cache, so both benchmarks share one trained model; kept as a copy here because that class is
 * not public (a public hook in {@code io.unlearn.ml.bench} would remove the duplication).
 */
final class BaseModelCache {

    private BaseModelCache() {
    }

    static Classifier obtain(Path cache, ModelSpec spec, UnlearnDataset data, Device device, ProgressListener listener) {
        String key = sha256(spec + "|" + data.name() + "|" + data.train().size() + "|"
                + data.train().id(data.train().size() - 1));
        try {
            if (cache != null) {
                CheckpointStore store = new CheckpointStore(cache);
                Path index = cache.resolve("base-" + key + ".txt");
                if (Files.exists(index) && store.contains(Files.readString(index).trim())) {
                    return store.load(Files.readString(index).trim(), device);
                }
                ModelTraining.Trained t = ModelTraining.trainNew(spec, data.train(), device, listener);
                String sha = store.save(t.model(), new ArtifactMetadata(spec, "train", null,
                        Map.of("samples_per_second", t.report().steadySamplesPerSecond()))).sha256();
                Files.writeString(index, sha);
                return t.model();
            }
            return ModelTraining.trainNew(spec, data.train(), device, listener).model();
        } catch (IOException e) {
            throw new UnlearnException("cannot use the base-model cache " + cache + ": " + e.getMessage()
                    + "; pass --cache none or a writable directory", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
