package io.unlearn.evaluator;

import static io.unlearn.evaluator.EvaluatorConfig.*;

import ai.djl.Device;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.unlearn.evaluator.internals.ArtifactLoader;
import io.unlearn.evaluator.internals.EvaluatorLoop;
import io.unlearn.evaluator.internals.SuppressionMeasurement;
import io.unlearn.evaluator.internals.VersionEvaluator;
import io.unlearn.evaluator.internals.WorstCaseChallenger;
import io.unlearn.ml.Devices;
import io.unlearn.ml.data.FashionMnist;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.schemas.registry.SchemaRegistryClient;
import io.unlearn.schemas.registry.SchemaRegistryConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * The evaluator service: one consumer-group member over unlearn.models.versions (key modelId) that judges every
 * version and publishes to unlearn.eval.reports (key versionId) and unlearn.requests.status (key requestId);
 * unreadable versions go to unlearn.requests.dlq. More instances with the same {@code group.id} share the models by
 * partition. {@link #start} returns once the loop runs; {@link #close} stops it and waits.
 */
public final class EvaluatorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EvaluatorService.class);
    private final EvaluatorLoop loop;
    private final Thread thread;
    private volatile Throwable failure;

    private EvaluatorService(EvaluatorConfig config, Clock clock, MeterRegistry meters) {
        SchemaRegistryClient registry = SchemaRegistryClient.create(SchemaRegistryConfig.fromProperties(config.registryProps()));
        UnlearnDataset data = dataset(config);
        Device device = Devices.resolve(config.getString(DEVICE));
        ArtifactLoader loader = new ArtifactLoader(device);
        long seed = config.getLong(SEED);
        VersionEvaluator evaluator = new VersionEvaluator(data, loader, config.policy(),
                new SuppressionMeasurement(data, loader, config.getInt(ATTACK_SAMPLES), config.getDouble(ATTACK_EPSILON)),
                seed, config.getInt(RETAIN_SAMPLE), config.getInt(MIA_MAX_SHADOW), clock);
        WorstCaseChallenger challenger = !config.getBoolean(CHALLENGE_ENABLED) ? null : new WorstCaseChallenger(data, loader, config.policy(),
                Path.of(config.getString(DATA_DIR)), new WorstCaseChallenger.Settings(config.getInt(CHALLENGE_POOL),
                config.getInt(CHALLENGE_OUTER), config.getInt(CHALLENGE_INNER), seed, config.getInt(RETAIN_SAMPLE), config.getInt(MIA_MAX_SHADOW)), clock);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(config), new StringDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(config), new StringSerializer(), new ByteArraySerializer());
        new KafkaClientMetrics(consumer).bindTo(meters);
        this.loop = new EvaluatorLoop(consumer, producer, registry, config.kafkaClientProps(), evaluator, challenger, meters, clock);
        this.thread = new Thread(this::runLoop, "unlearn-evaluator-loop");
    }

    public static EvaluatorService start(EvaluatorConfig config, Clock clock, MeterRegistry meters) {
        EvaluatorService service = new EvaluatorService(config, clock, meters);
        service.thread.start();
        log.info("evaluator started (group {}, challenge {})", config.getString(GROUP_ID),
                config.getBoolean(CHALLENGE_ENABLED) ? "on" : "off");
        return service;
    }

    /** Waits until this instance owns partitions and has read the topics it mirrors; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return loop.awaitReady(timeout);
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Why the loop stopped, or null while it runs or after a clean close. */
    public Throwable failure() {
        return failure;
    }

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
            log.error("evaluator stopped: {}", e.getMessage(), e);
        }
    }

    /** The data the models were trained on: the same files and {@code dataset.limit} as the worker's. */
    static UnlearnDataset dataset(EvaluatorConfig config) {
        UnlearnDataset full = FashionMnist.load(Path.of(config.getString(DATASET_DIR)));
        int limit = config.getInt(DATASET_LIMIT);
        return full.limitedTo(limit);
    }

    private static Map<String, Object> consumerProps(EvaluatorConfig config) {
        Map<String, Object> p = new HashMap<>(config.kafkaClientProps());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(GROUP_ID));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group judges every version ever published (earliest); kafka.auto.offset.reset overrides it.
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 900_000);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        return p;
    }

    private static Map<String, Object> producerProps(EvaluatorConfig config) {
        Map<String, Object> p = new HashMap<>(config.kafkaClientProps());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }
}
