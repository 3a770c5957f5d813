package io.unlearn.evaluator;

import static io.unlearn.evaluator.EvaluatorConfig.*;

import ai.djl.Device;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.unlearn.evaluator.internals.ArtifactLoader;
import io.unlearn.evaluator.internals.EvaluatorLoop;
import io.unlearn.evaluator.internals.SuppressionMeasurement;
import io.unlearn.evaluator.internals.TopicMirrors;
import io.unlearn.evaluator.internals.VersionEvaluator;
import io.unlearn.evaluator.internals.WorstCaseChallenger;
import io.unlearn.ml.Devices;
import io.unlearn.ml.GradMode;
import io.unlearn.ml.data.Datasets;
import io.unlearn.ml.data.NamedDataset;
import io.unlearn.ml.data.UnlearnDataset;
import io.unlearn.ml.worstcase.ForgetSetKind;
import io.unlearn.runtime.LoopService;
import io.unlearn.runtime.ServiceLoop;
import io.unlearn.runtime.TopicReader;
import io.unlearn.schemas.SchemaRegistryClient;
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
 * The evaluator service: one consumer-group member over unlearn.models.versions (key modelId) that judges every
 * version and publishes to unlearn.eval.reports (key versionId) and unlearn.requests.status (key requestId);
 * unreadable versions go to unlearn.requests.dlq. More instances with the same {@code group.id} share the models by
 * partition. {@link #start} returns once the loop runs; {@link #close} stops it and waits (lifecycle:
 * {@link LoopService}).
 */
public final class EvaluatorService extends LoopService {
    private static final Logger log = LoggerFactory.getLogger(EvaluatorService.class);

    private EvaluatorService(EvaluatorLoop loop) {
        super("unlearn-evaluator", inferenceOnly(loop));
    }

    /** Grad mode off on the loop's thread: inference only; the suppression attack records gradients inside collectors. */
    private static ServiceLoop inferenceOnly(EvaluatorLoop loop) {
        return new ServiceLoop() {
            @Override
            public void run() {
                GradMode.disableOnThisThread();
                loop.run();
            }

            @Override
            public boolean awaitReady(Duration timeout) throws InterruptedException {
                return loop.awaitReady(timeout);
            }

            @Override
            public void close() {
                loop.close();
            }
        };
    }

    public static EvaluatorService start(EvaluatorConfig config, Clock clock, MeterRegistry meters) {
        EvaluatorService service = new EvaluatorService(loop(config, clock, meters));
        service.start();
        log.info("evaluator started (group {}, challenge {})", config.getString(GROUP_ID),
                config.getBoolean(CHALLENGE_ENABLED) ? "on" : "off");
        return service;
    }

    /**
     * The whole dataset {@code dataset.name} from {@code dataset.dir}, with its paired views when it has them; the models were
     * trained on its {@code dataset.limit} slice, as the worker's.
     */
    static NamedDataset wholeDataset(EvaluatorConfig config) {
        return Datasets.open(config.getString(DATASET_NAME), Path.of(config.getString(DATASET_DIR)));
    }

    private static EvaluatorLoop loop(EvaluatorConfig config, Clock clock, MeterRegistry meters) {
        SchemaRegistryClient registry = config.registry();
        NamedDataset wholeNamed = wholeDataset(config);
        NamedDataset named = wholeNamed.limitedTo(config.getInt(DATASET_LIMIT));
        UnlearnDataset whole = wholeNamed.dataset();
        UnlearnDataset data = named.dataset();
        Device device = Devices.resolve(config.getString(DEVICE));
        ArtifactLoader loader = new ArtifactLoader(device);
        long seed = config.getLong(SEED);
        VersionEvaluator evaluator = new VersionEvaluator(whole, data, loader, config.policy(),
                new SuppressionMeasurement(named, loader, config.getInt(ATTACK_SAMPLES), config.getDouble(ATTACK_EPSILON)),
                seed, config.getInt(RETAIN_SAMPLE), config.getInt(MIA_MAX_SHADOW), clock);
        WorstCaseChallenger challenger = !config.getBoolean(CHALLENGE_ENABLED) ? null : new WorstCaseChallenger(whole, data, loader,
                config.policy(), Path.of(config.getString(DATA_DIR)), challengeSettings(config), clock);
        Map<String, Object> consumerProps = config.transactionalConsumerProps();
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.transactionalProducerProps(), new StringSerializer(),
                new ByteArraySerializer());
        new KafkaClientMetrics(consumer).bindTo(meters);
        TopicMirrors mirrors = new TopicMirrors(new TopicReader(config.kafkaClientProps(), registry));
        return new EvaluatorLoop(consumer, producer, registry, config.signer(), mirrors, evaluator, challenger, config.getInt(CHALLENGE_MAX_ATTEMPTS),
                Duration.ofMillis(config.getLong(CHALLENGE_BACKOFF_MS)), meters, clock);
    }

    /** The challenge's set choice and trial settings from the challenge.* keys. */
    static WorstCaseChallenger.Settings challengeSettings(EvaluatorConfig config) {
        long seed = config.getLong(SEED);
        return new WorstCaseChallenger.Settings(new ChallengeSetChoice(ForgetSetKind.byLabel(config.getString(CHALLENGE_SET_KIND)),
                config.getInt(CHALLENGE_POOL), config.getInt(CHALLENGE_OUTER), config.getInt(CHALLENGE_INNER), seed),
                new ChallengeTrial.Settings(seed, config.getInt(RETAIN_SAMPLE), config.getInt(MIA_MAX_SHADOW), config.getInt(CHALLENGE_RETRAIN_EPOCHS)),
                config.getInt(CHALLENGE_MIN_SIZE));
    }
}
