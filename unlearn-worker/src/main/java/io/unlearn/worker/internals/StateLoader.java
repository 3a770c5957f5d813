package io.unlearn.worker.internals;

import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.Topics;
import io.unlearn.schemas.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads unlearn.models.versions and unlearn.catalog.forgotten from the beginning to their current end
 * (committed records only) into {@link ModelHeads}. Unreadable records are logged and skipped: they came
 * from no worker of this contract and carry no version this worker could build on.
 */
public final class StateLoader {
    private static final Logger log = LoggerFactory.getLogger(StateLoader.class);
    private final Map<String, Object> clientProps;
    private final Deserializer<ModelVersion> versions;
    private final Deserializer<ForgottenSample> forgotten;

    public StateLoader(Map<String, Object> clientProps, SchemaRegistryClient registry) {
        this.clientProps = clientProps;
        this.versions = EventSerdes.serde(ModelVersion.class, registry).deserializer();
        this.forgotten = EventSerdes.serde(ForgottenSample.class, registry).deserializer();
    }

    public ModelHeads load() {
        ModelHeads heads = new ModelHeads();
        readAll(Topics.MODEL_VERSIONS.name(), bytes -> heads.onVersion(versions.deserialize(Topics.MODEL_VERSIONS.name(), bytes)));
        readAll(Topics.FORGOTTEN_SAMPLES.name(), bytes -> heads.onForgotten(forgotten.deserialize(Topics.FORGOTTEN_SAMPLES.name(), bytes)));
        return heads;
    }

    private void readAll(String topic, java.util.function.Consumer<byte[]> sink) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        continue;
                    }
                    try {
                        sink.accept(r.value());
                    } catch (SerializationException e) {
                        log.warn("Skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
        }
    }
}
