package io.unlearn.ingest.it;

import io.unlearn.events.DatasetSplit;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.SampleRecord;
import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import io.unlearn.schemas.EventContract;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.TopicRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Shared set-up of the ingest integration tests on the real local stack: the contract installed, a
 * catalogue of {@code prefix}-s000..099 owned by ten subjects ({@code prefix}-subject-0..9, ten samples
 * each) and a published model {@code prefix}-model.
 */
final class IngestStackFixture {
    final LocalStack stack;
    final SchemaRegistryClient registry;
    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
    final String model = prefix + "-model";

    IngestStackFixture(LocalStack stack) {
        this.stack = stack;
        this.registry = SchemaRegistryClient.create(stack.registryUrl());
        EventContract.install(clientProps(), registry);
        List<SampleRecord> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(SampleRecord.newBuilder().setSampleId(sample(i)).setDatasetId("fmnist").setSplit(DatasetSplit.TRAIN)
                    .setSubjectId(prefix + "-subject-" + (i / 10)).setLabel(i % 2 == 0 ? "Sneaker" : "Coat")
                    .setRegisteredAt(Instant.now()).build());
        }
        produce(Topics.SAMPLES.name(), EventSerdes.serde(SampleRecord.class, registry).serializer(),
                samples.stream().map(s -> Map.entry(s.getSampleId(), s)).toList());
        ModelVersion v1 = ModelVersion.newBuilder().setModelId(model).setVersion(1).setVersionId(model + "@v1")
                .setKind(ModelVersionKind.BASE).setMethod("train").setArtifactUri("file:/nowhere")
                .setArtifactSha256("0".repeat(64)).setLineageHash("1".repeat(64)).setCreatedAt(Instant.now()).build();
        produce(Topics.MODEL_VERSIONS.name(), EventSerdes.serde(ModelVersion.class, registry).serializer(), List.of(Map.entry(model, v1)));
    }

    /** Starts request-ingest (HTTP off unless enabled in {@code extra}) and waits until it runs. */
    IngestService startIngest(String... extra) {
        return IngestService.start(IngestConfig.of(ingestProps(extra)), Clock.systemUTC(), Duration.ofSeconds(60));
    }

    String sample(int i) {
        return String.format("%s-s%03d", prefix, i);
    }

    Map<String, Object> clientProps() {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", stack.bootstrapServers());
        return p;
    }

    Map<String, Object> ingestProps(String... extra) {
        Map<String, Object> p = new HashMap<>(clientProps());
        p.put("schema.registry.url", stack.registryUrl());
        p.put("application.id", "ingest-" + prefix);
        p.put("state.dir", System.getProperty("java.io.tmpdir") + "/ingest-state-" + prefix);
        p.put("http.enabled", "false");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    <V> void produce(String topic, Serializer<V> values, List<Map.Entry<String, V>> records) {
        Map<String, Object> p = new HashMap<>(clientProps());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(p, EventSerdes.keySerde().serializer(), values)) {
            for (Map.Entry<String, V> r : records) {
                producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue()));
            }
            producer.flush();
        }
    }

    /** Reads {@code topic} from the start (committed records only) until {@code done} holds or the timeout passes, then on to its end, so extra records are in the result. */
    <K, V> List<ConsumerRecord<K, V>> readUntil(String topic, Deserializer<K> keys, Deserializer<V> values,
                                               Predicate<ConsumerRecord<K, V>> keep,
                                               Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
        return TopicRecords.records(clientProps(), topic, keys, values, keep, done, timeout);
    }
}
