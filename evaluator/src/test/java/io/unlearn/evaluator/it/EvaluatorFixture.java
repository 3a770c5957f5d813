package io.unlearn.evaluator.it;

import java.time.Clock;

import io.unlearn.evaluator.EvaluatorService;

import io.unlearn.evaluator.EvaluatorConfig;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.TopicRecords;
import io.unlearn.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Set-up of the evaluator ITs: a 1,000-sample slice of Fashion-MNIST that the base MLP memorises (40 epochs), the real
 * worker to produce versions, accepted requests, and readers of reports and statuses. Each fixture has its own prefix.
 */
final class EvaluatorFixture {
    static final int TRAIN = 1000;
    static final int BASE_EPOCHS = 40;
    final LocalStack stack;
    final SchemaRegistryClient registry;
    final String prefix = "e" + UUID.randomUUID().toString().substring(0, 8);
    final Path artifacts;

    EvaluatorFixture(LocalStack stack, Path artifacts) {
        this.stack = stack;
        this.artifacts = artifacts;
        this.registry = SchemaRegistryClient.create(stack.registryUrl());
        EventContract.install(Map.of("bootstrap.servers", stack.bootstrapServers()), registry);
    }

    Map<String, Object> evaluatorProps(Path dataDir) {
        Map<String, Object> p = common();
        p.put("group.id", "evaluator-" + prefix);
        p.put("data.dir", dataDir.toString());
        p.put("retain.sample.size", "500");
        p.put("challenge.pool.size", "200");
        p.put("challenge.outer.steps", "2");
        p.put("challenge.inner.epochs", "1");
        return p;
    }

    /** Starts an evaluator in its own group on this stack (data under {@code dataDir}) and waits until it joined. */
    EvaluatorService startEvaluator(Path dataDir) throws InterruptedException {
        return startEvaluator(dataDir, Map.of());
    }

    /** The same with further evaluator settings, e.g. a policy for one model. */
    EvaluatorService startEvaluator(Path dataDir, Map<String, String> extra) throws InterruptedException {
        return startEvaluator(dataDir, extra, new SimpleMeterRegistry());
    }

    /** The same, its meters in {@code meters}. */
    EvaluatorService startEvaluator(Path dataDir, Map<String, String> extra, io.micrometer.core.instrument.MeterRegistry meters)
            throws InterruptedException {
        Map<String, Object> props = evaluatorProps(dataDir);
        props.putAll(extra);
        EvaluatorService evaluator = EvaluatorService.start(EvaluatorConfig.of(props), Clock.systemUTC(), meters);
        assertThat(evaluator.awaitReady(Duration.ofSeconds(60))).as("the evaluator joined its group").isTrue();
        return evaluator;
    }

    /** The basic (not the challenge) report of {@code versionId}; fails unless exactly one arrives in time. */
    EvaluationReport basicReport(String versionId, Duration timeout) {
        List<EvaluationReport> r = reports(x -> x.getVersionId().equals(versionId) && x.getWorstCase() == null, 1, timeout);
        assertThat(r).as("basic report of " + versionId).hasSize(1);
        return r.get(0);
    }

    WorkerConfig worker(String... extra) {
        Map<String, Object> p = common();
        p.put("group.id", "worker-" + prefix + "-" + UUID.randomUUID());
        p.put("artifact.dir", artifacts.toString());
        p.put("batch.max.requests", "2");
        p.put("batch.max.wait.ms", "3000");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return WorkerConfig.of(p);
    }

    private Map<String, Object> common() {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", stack.bootstrapServers());
        p.put("schema.registry.url", stack.registryUrl());
        p.put("dataset.limit", Integer.toString(TRAIN));
        // Topics are shared by every test of the JVM: new groups start at the end and tests wait for readiness first.
        p.put("kafka.auto.offset.reset", "latest");
        return p;
    }

    /** Two requests of 50 samples each, every 10th row from {@code from}: a 10 % forget set spread over the slice. */
    List<AcceptedRequest> twoRequests(String model, int from) {
        return IntStream.range(0, 2).mapToObj(i -> deletion(model, prefix + "-" + model + "-r" + i,
                IntStream.range(0, 50).mapToObj(k -> String.format("fmnist/train/%06d", from + 10 * (50 * i + k))).toList())).toList();
    }

    /** {@code count} requests of {@code size} samples each: rows {@code from}, {@code from + step}, ... of the slice, in turn. */
    List<AcceptedRequest> requests(String model, String name, int count, int size, int from, int step) {
        return IntStream.range(0, count).mapToObj(i -> deletion(model, prefix + "-" + model + "-" + name + i,
                IntStream.range(0, size).mapToObj(k -> String.format("fmnist/train/%06d", from + step * (size * i + k))).toList())).toList();
    }

    AcceptedRequest deletion(String model, String requestId, List<String> samples) {
        Instant now = Instant.now();
        return AcceptedRequest.newBuilder().setRequestId(requestId).setKind(RequestKind.DELETION).setModelId(model).setRequester("it")
                .setSubjectId(null).setSampleIds(samples).setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now).setAcceptedAt(now)
                .setDeadline(now.plus(Duration.ofDays(30))).build();
    }

    void sendRequests(List<AcceptedRequest> requests) {
        send(Topics.ACCEPTED_REQUESTS.name(), EventSerdes.serde(AcceptedRequest.class, registry).serializer(),
                requests.stream().map(r -> Map.entry(r.getModelId(), r)).toList());
    }

    void sendVersion(ModelVersion v) {
        send(Topics.MODEL_VERSIONS.name(), EventSerdes.serde(ModelVersion.class, registry).serializer(), List.of(Map.entry(v.getModelId(), v)));
    }

    private <V> void send(String topic, Serializer<V> values, List<Map.Entry<String, V>> records) {
        try (KafkaProducer<String, V> p = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
                EventSerdes.keySerde().serializer(), values)) {
            records.forEach(e -> p.send(new ProducerRecord<>(topic, e.getKey(), e.getValue())));
            p.flush();
        }
    }

    void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
                EventSerdes.keySerde().serializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            p.send(new ProducerRecord<>(topic, key, value));
            p.flush();
        }
    }

    /** The reason header of dead letters whose key is {@code key}. */
    List<String> deadLetterReasons(String key, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = TopicRecords.records(Map.of("bootstrap.servers", stack.bootstrapServers()),
                Topics.DEAD_LETTERS.name(), EventSerdes.keySerde().deserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                r -> key.equals(r.key()), all -> !all.isEmpty(), timeout);
        return found.stream().map(r -> new String(r.headers().lastHeader(io.unlearn.schemas.DeadLetterHeaders.REASON).value(),
                java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    List<EvaluationReport> reports(Predicate<EvaluationReport> keep, int atLeast, Duration timeout) {
        return values(Topics.EVALUATION_REPORTS.name(), EventSerdes.serde(EvaluationReport.class, registry).deserializer(), keep, atLeast, timeout);
    }

    /** The first version of {@code model} that {@code match} keeps, waiting for it up to {@code timeout}. */
    ModelVersion version(String model, Predicate<ModelVersion> match, Duration timeout) {
        List<ModelVersion> found = values(Topics.MODEL_VERSIONS.name(), EventSerdes.serde(ModelVersion.class, registry).deserializer(),
                v -> v.getModelId().equals(model) && match.test(v), 1, timeout);
        assertThat(found).as("a matching version of " + model).isNotEmpty();
        return found.get(0);
    }

    List<ModelVersion> versions(String model, int atLeast, Duration timeout) {
        return values(Topics.MODEL_VERSIONS.name(), EventSerdes.serde(ModelVersion.class, registry).deserializer(),
                v -> v.getModelId().equals(model), atLeast, timeout);
    }

    List<RequestStatus> statuses(Predicate<RequestStatus> keep, int atLeast, Duration timeout) {
        return values(Topics.REQUEST_STATUS.name(), EventSerdes.serde(RequestStatus.class, registry).deserializer(), keep, atLeast, timeout);
    }

    

    /** Kept values of {@code topic} (unreadable records skipped): until {@code atLeast} are there, then on to the end. */
    private <V> List<V> values(String topic, Deserializer<V> values, Predicate<V> keep, int atLeast, Duration timeout) {
        return TopicRecords.values(stack.bootstrapServers(), topic, values, keep, atLeast, timeout);
    }
}
