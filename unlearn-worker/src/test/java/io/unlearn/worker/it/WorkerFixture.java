package io.unlearn.worker.it;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ForgottenSample;
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
import io.unlearn.worker.WorkerService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/** Set-up shared by the worker ITs: a small dataset slice, a unique model id, accepted requests, readers. */
final class WorkerFixture {
    static final int TRAIN = 1200;
    final LocalStack stack;
    final SchemaRegistryClient registry;
    final String prefix = "w" + UUID.randomUUID().toString().substring(0, 8);
    final Path artifacts;

    WorkerFixture(LocalStack stack, Path artifacts) {
        this.stack = stack;
        this.artifacts = artifacts;
        this.registry = SchemaRegistryClient.create(stack.registryUrl());
        EventContract.install(Map.of("bootstrap.servers", stack.bootstrapServers()), registry);
    }

    Map<String, Object> workerProps(String... extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", stack.bootstrapServers());
        p.put("schema.registry.url", stack.registryUrl());
        p.put("group.id", "worker-" + prefix);
        p.put("artifact.dir", artifacts.toString());
        p.put("dataset.limit", Integer.toString(TRAIN));
        p.put("method", "ft");
        p.put("method.epochs", "1");
        p.put("batch.max.requests", "4");
        p.put("batch.max.wait.ms", "3000");
        // Each test has its own group on a shared topic: start at the end so that no test applies or fails
        // another test's requests (tests wait for readiness before sending).
        p.put("kafka.auto.offset.reset", "latest");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    static WorkerService ready(WorkerService worker) throws InterruptedException {
        if (!worker.awaitReady(Duration.ofSeconds(60))) {
            throw new AssertionError("the worker did not join its group within 60 s");
        }
        return worker;
    }

    WorkerConfig config(String... extra) {
        return WorkerConfig.of(workerProps(extra));
    }

    static String sample(int row) {
        return String.format("fmnist/train/%06d", row);
    }

    AcceptedRequest deletion(String model, String requestId, List<String> samples) {
        Instant now = Instant.now();
        return AcceptedRequest.newBuilder().setRequestId(requestId).setKind(RequestKind.DELETION).setModelId(model)
                .setRequester("it").setSubjectId(null).setSampleIds(samples).setLegalBasis(LegalBasis.GDPR_ART_17)
                .setReceivedAt(now).setAcceptedAt(now).setDeadline(now.plus(Duration.ofDays(30))).build();
    }

    void send(List<AcceptedRequest> requests) {
        try (KafkaProducer<String, AcceptedRequest> p = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                "acks", "all"), EventSerdes.keySerde().serializer(), EventSerdes.serde(AcceptedRequest.class, registry).serializer())) {
            requests.forEach(r -> p.send(new ProducerRecord<>(Topics.ACCEPTED_REQUESTS.name(), r.getModelId(), r)));
            p.flush();
        }
    }

    List<ModelVersion> versions(String model, int atLeast, Duration timeout) {
        return values(Topics.MODEL_VERSIONS.name(), EventSerdes.serde(ModelVersion.class, registry).deserializer(),
                v -> v.getModelId().equals(model), atLeast, timeout);
    }

    List<RequestStatus> statuses(Predicate<RequestStatus> keep, int atLeast, Duration timeout) {
        return values(Topics.REQUEST_STATUS.name(), EventSerdes.serde(RequestStatus.class, registry).deserializer(), keep, atLeast, timeout);
    }

    List<ForgottenSample> forgotten(String model, int atLeast, Duration timeout) {
        return values(Topics.FORGOTTEN_SAMPLES.name(), EventSerdes.serde(ForgottenSample.class, registry).deserializer(),
                f -> f.getModelId().equals(model), atLeast, timeout);
    }

    /** Kept values of {@code topic}: read until {@code atLeast} are there, then on to the topic's end (extras included). */
    <V> List<V> values(String topic, Deserializer<V> values, Predicate<V> keep, int atLeast, Duration timeout) {
        return TopicRecords.values(stack.bootstrapServers(), topic, values, keep, atLeast, timeout);
    }
}
