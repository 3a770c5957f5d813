package io.unlearn.worker;

import io.unlearn.events.ModelVersion;
import io.unlearn.ml.Devices;
import io.unlearn.ml.ProgressListener;
import io.unlearn.ml.TrainingLock;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.model.ArtifactMetadata;
import io.unlearn.ml.model.ModelSpec;
import io.unlearn.ml.model.TrainingSpec;
import io.unlearn.ml.train.ModelTraining;
import io.unlearn.runtime.TopicReader;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.worker.internals.TopicHeadsFeed;
import io.unlearn.worker.internals.VersionRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The base-model bootstrap behind {@code unlearn models train}: trains a model from scratch on the
 * configured dataset (deterministic under the seed), stores the artifact and publishes version 1 (BASE).
 * Refuses a model id that already has versions, so a lineage is never restarted by accident.
 */
public final class BaseModels {
    private BaseModels() {
    }

    /** Architectures by name: {@code cnn} (conv16-pool-conv32-pool-fc128) or {@code mlp} (784-256-10). */
    public static ModelSpec spec(String architecture, UnlearnDataset dataset, TrainingSpec training) {
        var shape = Arrays.stream(dataset.train().source().sampleShape().getShape()).boxed().toList();
        return switch (architecture) {
            case "cnn" -> ModelSpec.cnn(shape, dataset.numClasses(), training);
            case "mlp" -> ModelSpec.mlp(shape, dataset.numClasses(), training);
            default -> throw new WorkerException("unknown architecture '" + architecture + "': use cnn or mlp");
        };
    }

    public static ModelVersion trainAndPublish(WorkerConfig config, String modelId, String architecture, int epochs,
                                               ProgressListener listener, Clock clock) {
        return publishBase(config, modelId, architecture, epochs, listener, clock, false);
    }

    /**
     * As {@link #trainAndPublish}, but when this artifact store already holds a base model trained with the same
     * recipe (architecture, epochs, seed, dataset and slice) it publishes that artifact instead of training again:
     * training is deterministic, so the result would be the same bytes. The recipe index lies under
     * {@code <artifact.dir>/base-index/}; the artifact is re-verified by sha256 before it is published.
     */
    public static ModelVersion reuseOrTrainAndPublish(WorkerConfig config, String modelId, String architecture, int epochs,
                                                      ProgressListener listener, Clock clock) {
        return publishBase(config, modelId, architecture, epochs, listener, clock, true);
    }

    private static ModelVersion publishBase(WorkerConfig config, String modelId, String architecture, int epochs,
                                            ProgressListener listener, Clock clock, boolean reuse) {
        SchemaRegistryClient registry = config.registry();
        TopicHeadsFeed.readOnce(new TopicReader(config.kafkaClientProps(), registry)).head(modelId).ifPresent(head -> {
            throw new WorkerException("model '" + modelId + "' already has versions (head " + head.getVersionId()
                    + "); its lineage continues through unlearning, so train a new model id instead");
        });
        UnlearnDataset dataset = WorkerService.dataset(config);
        TrainingSpec training = TrainingSpec.builder().optEpochs(epochs).optSeed(config.getLong(WorkerConfig.SEED)).build();
        ModelSpec spec = spec(architecture, dataset, training);
        Path artifactDir = Path.of(config.getString(WorkerConfig.ARTIFACT_DIR));
        FileArtifactStore store = new FileArtifactStore(artifactDir);
        Path index = artifactDir.resolve("base-index").resolve(io.unlearn.schemas.Digests.sha256Hex(String.join("|", architecture,
                Integer.toString(epochs), Long.toString(training.seed()), dataset.name(), Integer.toString(dataset.train().size()),
                dataset.train().id(0), dataset.train().id(dataset.train().size() - 1))));
        if (reuse && java.nio.file.Files.isRegularFile(index)) {
            String sha = readIndex(index);
            String uri = artifactDir.toAbsolutePath().normalize().resolve(sha).toUri().toString();
            try (var verified = store.load(uri, sha, ai.djl.Device.cpu())) {
                listener.onProgress(new io.unlearn.ml.ProgressEvent("base", 1, 1, Map.of("reused", 1.0)));
                ModelVersion v1 = VersionRecords.base(modelId, baseHyperparameters(architecture, epochs, training, dataset),
                        new ArtifactStore.StoredArtifact(uri, sha), 0L, clock.instant());
                v1 = publish(config, registry, v1);
                return v1;
            } catch (WorkerException e) {
                listener.onProgress(new io.unlearn.ml.ProgressEvent("base", 0, 1, Map.of("reused", 0.0)));
            }
        }
        try (ModelTraining.Trained trained = TrainingLock.exclusively(() -> ModelTraining.trainNew(spec, dataset.train(),
                Devices.resolve(config.getString(WorkerConfig.DEVICE)), listener))) {
            ArtifactStore.StoredArtifact stored = store.put(trained.model(), ArtifactMetadata.trained(spec));
            writeIndex(index, stored.sha256());
            Map<String, Object> hp = baseHyperparameters(architecture, epochs, training, dataset);
            ModelVersion v1 = VersionRecords.base(modelId, hp, stored, (long) (trained.report().seconds() * 1000), clock.instant());
            v1 = publish(config, registry, v1);
            return v1;
        }
    }

    private static Map<String, Object> baseHyperparameters(String architecture, int epochs, TrainingSpec training, UnlearnDataset dataset) {
        Map<String, Object> hp = new HashMap<>();
        hp.put("architecture", architecture);
        hp.put("epochs", epochs);
        hp.put("batchSize", training.batchSize());
        hp.put("learningRate", training.learningRate());
        hp.put("seed", training.seed());
        hp.put("trainSamples", dataset.train().size());
        return hp;
    }

    private static String readIndex(Path index) {
        try {
            return java.nio.file.Files.readString(index).trim();
        } catch (java.io.IOException e) {
            throw new WorkerException("cannot read the base-model index " + index + ": " + e.getMessage(), e);
        }
    }

    private static void writeIndex(Path index, String sha) {
        try {
            java.nio.file.Files.createDirectories(index.getParent());
            java.nio.file.Files.writeString(index, sha + "\n");
        } catch (java.io.IOException e) {
            throw new WorkerException("cannot write the base-model index " + index + ": " + e.getMessage()
                    + "; check that artifact.dir is writable", e);
        }
    }

    /** Signs version 1 with the worker's key (the same {@code signing.key.file} / artifact.dir as the worker's) and publishes it. */
    private static ModelVersion publish(WorkerConfig config, SchemaRegistryClient registry, ModelVersion unsigned) {
        ModelVersion v1 = config.signer(Path.of(config.getString(WorkerConfig.ARTIFACT_DIR))).sign(unsigned);
        Map<String, Object> p = new HashMap<>(config.kafkaClientProps());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, ModelVersion> producer = new KafkaProducer<>(p, EventSerdes.keySerde().serializer(),
                EventSerdes.serde(ModelVersion.class, registry).serializer())) {
            producer.send(new ProducerRecord<>(Topics.MODEL_VERSIONS.name(), v1.getModelId(), v1)).get();
            return v1;
        } catch (ExecutionException e) {
            throw new WorkerException("version 1 of " + v1.getModelId() + " was not acknowledged by Kafka: " + e.getMessage()
                    + "; the artifact is stored, run the command again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("interrupted while publishing " + v1.getVersionId(), e);
        }
    }
}
