package io.unlearn.bench.harness;

import ai.djl.Device;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.CheckpointStore;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import io.unlearn.schemas.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The engine benchmarks' base models, trained once and kept: training is deterministic, so the same spec on the
 * same data gives the same parameters, and a rerun (a hyperparameter sweep, another benchmark on the same CNN)
 * need not pay for it again. The cache is a {@link CheckpointStore}; an index file
 * {@code base-<sha256(spec|dataset|train size|last id)>.txt} names the checkpoint (for a retrain without some
 * samples, {@code retrain-<sha256(that|without sha256(sorted excluded ids))>.txt}), and the training throughput
 * is kept in the checkpoint's metadata. (The worker's {@code io.unlearn.worker.BaseModels} is the service's
 * own bootstrap: it publishes a version; this one only trains.)
 */
public final class BaseModelCache {

    private static final String SAMPLES_PER_SECOND = "samples_per_second";

    /**
     * A base model and the training throughput measured when it was trained.
     *
     * @param model the model (close it)
     * @param samplesPerSecond steady-state training samples per second of the run that trained it
     * @param reused whether it came from the cache (false: trained by this call)
     */
    public record Base(Classifier model, double samplesPerSecond, boolean reused) {
    }

    private BaseModelCache() {
    }

    /**
     * The CNN every engine benchmark starts from (so they share one cached model): Adam 1e-3, cosine to 0,
     * batch 128.
     *
     * @param data the dataset (for the number of classes)
     * @param epochs training epochs
     * @param seed the seed
     * @return the spec
     */
    public static ModelSpec cnn(UnlearnDataset data, int epochs, long seed) {
        return ModelSpec.cnn(List.of(1L, 28L, 28L), data.numClasses(), TrainingSpec.builder().optEpochs(epochs)
                .optLearningRate(1e-3).optBatchSize(128).optSchedule("cosine").optSeed(seed).build());
    }

    /**
     * Loads the model from the cache, or trains it (and fills the cache).
     *
     * @param cache the cache directory, or null to always train
     * @param spec what to train
     * @param data the training data
     * @param device where to compute
     * @param listener training epochs
     * @return the model and its training throughput
     * @throws UnlearnException when the cache cannot be read or written
     */
    public static Base obtain(Path cache, ModelSpec spec, UnlearnDataset data, Device device,
            ProgressListener listener) {
        return obtain(cache, "base-" + Digests.sha256Hex(datasetKey(spec, data)), spec, data.train(), device, listener);
    }

    /**
     * Retrain from scratch: the model of {@code spec} (the base recipe: epochs, learning rate, schedule, seed)
     * trained on the training set minus {@code excludedIds}, from the cache or trained now. The cache keeps one
     * per (spec with its epochs and seed, dataset, excluded set), so a concept's retrain is paid for once.
     *
     * @param cache the cache directory, or null to always train
     * @param spec the base model's spec
     * @param data the dataset
     * @param excludedIds training samples left out (e.g. every sample of a concept's classes); not all of them
     * @param device where to compute
     * @param listener training epochs
     * @return the retrained model and its training throughput
     * @throws UnlearnException when an id is unknown, the set is empty or covers everything, or the cache fails
     */
    public static Base obtainWithout(Path cache, ModelSpec spec, UnlearnDataset data, Collection<String> excludedIds,
            Device device, ProgressListener listener) {
        DataView retained = data.split(excludedIds).retain();
        String excluded = Digests.sha256Hex(String.join("\n", new TreeSet<>(excludedIds)));
        String key = "retrain-" + Digests.sha256Hex(datasetKey(spec, data) + "|without " + excluded);
        return obtain(cache, key, spec, retained, device, listener);
    }

    private static String datasetKey(ModelSpec spec, UnlearnDataset data) {
        return spec + "|" + data.name() + "|" + data.train().size() + "|" + data.train().id(data.train().size() - 1);
    }

    private static Base obtain(Path cache, String key, ModelSpec spec, DataView train, Device device,
            ProgressListener listener) {
        CheckpointStore store = cache == null ? null : new CheckpointStore(cache);
        Path index = cache == null ? null : cache.resolve(key + ".txt");
        try {
            if (index != null && Files.exists(index)) {
                String sha = Files.readString(index).trim();
                if (store.contains(sha)) {
                    Object sps = store.get(sha).metadata().hyperparameters().get(SAMPLES_PER_SECOND);
                    return new Base(store.load(sha, device), ((Number) sps).doubleValue(), true);
                }
            }
            ModelTraining.Trained trained = ModelTraining.trainNew(spec, train, device, listener);
            double sps = trained.report().steadySamplesPerSecond();
            if (store != null) {
                String sha = store.save(trained.model(), new ArtifactMetadata(spec, "train", null,
                        Map.of(SAMPLES_PER_SECOND, sps))).sha256();
                Files.writeString(index, sha);
            }
            return new Base(trained.model(), sps, false);
        } catch (IOException e) {
            throw new UnlearnException("cannot use the base-model cache " + cache + ": " + e.getMessage()
                    + "; pass --cache none or a writable directory", e);
        }
    }
}
