package io.unlearn.worker;

import ai.djl.Device;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.unlearn.ml.Devices;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.unlearn.UnlearningMethods;
import io.unlearn.schemas.registry.SchemaRegistryClient;
import io.unlearn.schemas.registry.SchemaRegistryConfig;
import io.unlearn.ml.sae.SaeStore;
import io.unlearn.worker.internals.BatchRunner;
import io.unlearn.worker.internals.ConceptRunner;
import io.unlearn.worker.internals.PendingBatches;
import io.unlearn.worker.internals.StateLoader;
import io.unlearn.worker.internals.WorkerLoop;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 * {@link #close} stops it and waits.
 */
public final class WorkerService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);
    private final WorkerLoop loop;
    private final Thread thread;
    private volatile Throwable failure;

    private WorkerService(WorkerConfig config, Clock clock, MeterRegistry meters) {
        SchemaRegistryClient registry = SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(config.registryProps()));
        UnlearnDataset dataset = dataset(config);
        Device device = Devices.resolve(config.getString(WorkerConfig.DEVICE));
        Path artifactDir = Path.of(config.getString(WorkerConfig.ARTIFACT_DIR));
        ArtifactStore artifacts = new FileArtifactStore(artifactDir);
        BatchRunner runner = new BatchRunner(dataset, artifacts,
                UnlearningMethods.byName(config.getString(WorkerConfig.METHOD)), config.methodOverrides(),
                config.getLong(WorkerConfig.SEED), device, clock);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(config), new StringDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(config), new StringSerializer(), new ByteArraySerializer());
        new KafkaClientMetrics(consumer).bindTo(meters);
        PendingBatches pending = new PendingBatches(config.getInt(WorkerConfig.BATCH_MAX_REQUESTS),
                config.getInt(WorkerConfig.BATCH_MAX_SAMPLES), config.getLong(WorkerConfig.BATCH_MAX_WAIT_MS));
        ConceptRunner concepts = new ConceptRunner(dataset, artifacts, new SaeStore(artifactDir.resolve("sae")), config.conceptSettings(),
                device, clock);
        this.loop = new WorkerLoop(consumer, producer, registry, new StateLoader(config.kafkaClientProps(), registry), runner, concepts,
                pending, clock, meters, config.getInt(WorkerConfig.CONSOLIDATE_EVERY),
                java.time.Duration.ofMillis(config.getLong(WorkerConfig.CONSOLIDATE_EVERY_MS)));
        this.thread = new Thread(this::runLoop, "unlearn-worker-loop");
    }

    public static WorkerService start(WorkerConfig config, Clock clock, MeterRegistry meters) {
        WorkerService service = new WorkerService(config, clock, meters);
        service.thread.start();
        log.info("unlearn-worker started (group {}, method {})", config.getString(WorkerConfig.GROUP_ID), config.getString(WorkerConfig.METHOD));
        return service;
    }

    /**
     * Waits until this instance owns partitions (joined its group) and has loaded the models' state.
     *
     * @return false when that did not happen within {@code timeout}
     */
    public boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
        return loop.awaitReady(timeout);
    }

    /** Whether the loop is still running; when it stopped on an error, {@link #failure()} says which. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    public Throwable failure() {
        return failure;
    }

    /** Blocks until the loop ends (closed or failed). */
    public void awaitTermination() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        loop.close();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLoop() {
        try {
            loop.run();
        } catch (RuntimeException e) {
            failure = e;
            log.error("unlearn-worker stopped: {}", e.getMessage(), e);
        }
    }

    /** The dataset the worker trains on: Fashion-MNIST from dataset.dir, sliced to dataset.limit when set. */
    public static UnlearnDataset dataset(WorkerConfig config) {
        UnlearnDataset full = FashionMnist.load(Path.of(config.getString(WorkerConfig.DATASET_DIR)));
        int limit = config.getInt(WorkerConfig.DATASET_LIMIT);
        return full.limitedTo(limit);
    }

    private static Map<String, Object> consumerProps(WorkerConfig config) {
        Map<String, Object> p = new HashMap<>(config.kafkaClientProps());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(WorkerConfig.GROUP_ID));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group must read every accepted request ever written (earliest); kafka.auto.offset.reset overrides it.
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 900_000);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return p;
    }

    private static Map<String, Object> producerProps(WorkerConfig config) {
        Map<String, Object> p = new HashMap<>(config.kafkaClientProps());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // A transaction only wraps the publication of an already computed batch (seconds), never the method run:
        // a short timeout bounds how long a crashed instance of unknown name can hold read_committed readers back.
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }
}
