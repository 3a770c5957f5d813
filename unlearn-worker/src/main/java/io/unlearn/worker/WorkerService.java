package io.unlearn.worker;

import ai.djl.Device;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.unlearn.ml.Devices;
import io.unlearn.ml.data.Datasets;
import io.unlearn.ml.data.NamedDataset;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.runtime.LoopService;
import io.unlearn.runtime.TopicReader;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.worker.internals.BatchRunner;
import io.unlearn.worker.internals.ConceptRunner;
import io.unlearn.worker.internals.EscalationPlanner;
import io.unlearn.worker.internals.Escalations;
import io.unlearn.worker.internals.PendingBatches;
import io.unlearn.worker.internals.TopicHeadsFeed;
import io.unlearn.worker.internals.FirstVersionWait;
import io.unlearn.worker.internals.VersionFollowUps;
import io.unlearn.worker.internals.WorkerLoop;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unlearn-worker service: one consumer-group member over unlearn.requests.accepted that batches
 * deletion requests per model and publishes each batch's version exactly once; concept-removal requests
 * become SUPPRESSED versions (sparse-autoencoder feature suppression, no weight change). More instances with the
 * same {@code group.id} share the models by partition. {@link #start} returns once the loop runs;
 * {@link #close} stops it and waits (lifecycle: {@link LoopService}).
 */
public final class WorkerService extends LoopService {
    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);

    private WorkerService(WorkerLoop loop) {
        super("unlearn-worker", loop);
    }

    public static WorkerService start(WorkerConfig config, Clock clock, MeterRegistry meters) {
        WorkerService service = new WorkerService(loop(config, clock, meters));
        service.start();
        log.info("unlearn-worker started (group {}, method {}, escalation ladder {})", config.getString(WorkerConfig.GROUP_ID),
                config.getString(WorkerConfig.METHOD), config.escalationLadder().methods());
        return service;
    }

    /** The dataset the worker trains on: dataset.name from dataset.dir, sliced to dataset.limit when set. */
    public static UnlearnDataset dataset(WorkerConfig config) {
        return namedDataset(config).dataset();
    }

    /** {@link #dataset} with what the dataset offers besides its samples (fmnist-stamped: paired views for pattern concepts). */
    public static NamedDataset namedDataset(WorkerConfig config) {
        NamedDataset full = Datasets.open(config.getString(WorkerConfig.DATASET_NAME), Path.of(config.getString(WorkerConfig.DATASET_DIR)));
        return full.limitedTo(config.getInt(WorkerConfig.DATASET_LIMIT));
    }

    private static WorkerLoop loop(WorkerConfig config, Clock clock, MeterRegistry meters) {
        SchemaRegistryClient registry = config.registry();
        NamedDataset named = namedDataset(config);
        UnlearnDataset dataset = named.dataset();
        Device device = Devices.resolve(config.getString(WorkerConfig.DEVICE));
        Path artifactDir = Path.of(config.getString(WorkerConfig.ARTIFACT_DIR));
        ArtifactStore artifacts = new FileArtifactStore(artifactDir);
        BatchRunner runner = new BatchRunner(dataset, artifacts, config.getString(WorkerConfig.METHOD), config.methodOverrides(),
                config.getLong(WorkerConfig.SEED), device, clock);
        Escalations escalations = new Escalations(new EscalationPlanner(config.escalationLadder()), runner, clock);
        ConceptRunner concepts = new ConceptRunner(named, artifacts, new SaeStore(artifactDir.resolve("sae")), config.conceptSettings(),
                device, clock);
        VersionFollowUps followUps = new VersionFollowUps(runner, concepts, config.getInt(WorkerConfig.CONSOLIDATE_EVERY),
                Duration.ofMillis(config.getLong(WorkerConfig.CONSOLIDATE_EVERY_MS)));
        PendingBatches pending = new PendingBatches(config.getInt(WorkerConfig.BATCH_MAX_REQUESTS),
                config.getInt(WorkerConfig.BATCH_MAX_SAMPLES), config.getLong(WorkerConfig.BATCH_MAX_WAIT_MS));
        Map<String, Object> consumerProps = config.transactionalConsumerProps();
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.transactionalProducerProps(), new StringSerializer(),
                new ByteArraySerializer());
        new KafkaClientMetrics(consumer).bindTo(meters);
        TopicHeadsFeed feed = new TopicHeadsFeed(new TopicReader(config.kafkaClientProps(), registry));
        FirstVersionWait firstVersion = new FirstVersionWait(Duration.ofMillis(config.getLong(WorkerConfig.MODEL_WAIT_MS)));
        return new WorkerLoop(consumer, producer, registry, config.signer(artifactDir), feed, runner, concepts, followUps, escalations, pending, firstVersion, clock, meters);
    }
}
