package io.unlearn.it;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.TopicRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Set-up of {@link EscalationIT}: a 1,000-sample Fashion-MNIST slice that the base MLP memorises (40 epochs), the
 * settings of a worker and an evaluator on the shared stack, requests sent as request-ingest would (RECEIVED, ACCEPTED,
 * the accepted record), and committed-only readers of versions and statuses. Each fixture has its own prefix.
 */
final class EscalationFixture {
    static final int TRAIN = 1000;
    static final int BASE_EPOCHS = 40;
    final LocalStack stack;
    final SchemaRegistryClient registry;
    final String prefix = "x" + UUID.randomUUID().toString().substring(0, 8);

    EscalationFixture(LocalStack stack) {
        this.stack = stack;
        this.registry = SchemaRegistryClient.create(stack.registryUrl());
        EventContract.install(Map.of("bootstrap.servers", stack.bootstrapServers()), registry);
    }

    Map<String, Object> common() {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", stack.bootstrapServers());
        p.put("schema.registry.url", stack.registryUrl());
        p.put("dataset.limit", Integer.toString(TRAIN));
        p.put("kafka.auto.offset.reset", "latest"); // topics are shared by the JVM's tests: new groups start at the end
        return p;
    }

    /** {@code count} requests of {@code size} samples each: every other row of the slice from row 1, as ingest sends them. */
    List<AcceptedRequest> sendRequests(String model, int count, int size) {
        Instant now = Instant.now();
        List<AcceptedRequest> out = IntStream.range(0, count).mapToObj(i -> AcceptedRequest.newBuilder()
                .setRequestId(prefix + "-" + model + "-r" + i).setKind(RequestKind.DELETION).setModelId(model).setRequester("it")
                .setSampleIds(IntStream.range(0, size).mapToObj(k -> String.format("fmnist/train/%06d", 1 + 2 * (size * i + k))).toList())
                .setLegalBasis(LegalBasis.GDPR_ART_17).setReceivedAt(now).setAcceptedAt(now).setDeadline(now.plus(Duration.ofDays(30)))
                .build()).toList();
        for (AcceptedRequest r : out) {
            for (RequestState s : List.of(RequestState.RECEIVED, RequestState.ACCEPTED)) {
                send(Topics.REQUEST_STATUS, r.getRequestId(), RequestStatus.newBuilder().setRequestId(r.getRequestId())
                        .setKind(RequestKind.DELETION).setState(s).setModelId(model).setEmittedBy("request-ingest").setOccurredAt(now)
                        .setDeadline(r.getDeadline()).build());
            }
            send(Topics.ACCEPTED_REQUESTS, model, r);
        }
        return out;
    }

    private <V> void send(Topic<String, V> topic, String key, V value) {
        try (KafkaProducer<String, V> p = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
                EventSerdes.keySerde().serializer(), topic.valueSerde(registry).serializer())) {
            p.send(new ProducerRecord<>(topic.name(), key, value));
            p.flush();
        }
    }

    List<ModelVersion> versions(Predicate<ModelVersion> keep, int atLeast, Duration timeout) {
        return values(Topics.MODEL_VERSIONS, keep, atLeast, timeout);
    }

    List<RequestStatus> statuses(Predicate<RequestStatus> keep, int atLeast, Duration timeout) {
        return values(Topics.REQUEST_STATUS, keep, atLeast, timeout);
    }

    /** Kept values of {@code topic}: until {@code atLeast} are there, then on to the topic's end (extras included). */
    private <V> List<V> values(Topic<String, V> topic, Predicate<V> keep, int atLeast, Duration timeout) {
        return TopicRecords.values(stack.bootstrapServers(), topic.name(), topic.valueSerde(registry).deserializer(), keep, atLeast, timeout);
    }
}
