package io.unlearn.runtime;

import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads whole topics of the catalogue: every partition, from the beginning, committed records only, without a
 * consumer group. {@link #readAll} reads a topic up to its end at the time of the call; {@link #tail} keeps a reader
 * open that catches up incrementally (a private mirror of a topic). Records are decoded with the topic's serdes;
 * unreadable ones are logged and skipped (see {@link TopicTail}).
 *
 * <pre>{@code
 * List<ConsumerRecord<String, ModelVersion>> versions = new TopicReader(clientProps, registry).readAll(Topics.MODEL_VERSIONS);
 * }</pre>
 */
public final class TopicReader {
    private final Map<String, Object> clientProps;
    private final SchemaRegistryClient registry;

    /** @param clientProps Kafka client settings (bootstrap.servers, security); a group.id among them is ignored */
    public TopicReader(Map<String, Object> clientProps, SchemaRegistryClient registry) {
        this.clientProps = Map.copyOf(clientProps);
        this.registry = registry;
    }

    /** Every readable record of {@code topic} committed so far, each partition in offset order, partitions interleaved. */
    public <K, V> List<ConsumerRecord<K, V>> readAll(Topic<K, V> topic) {
        List<ConsumerRecord<K, V>> out = new ArrayList<>();
        readAll(topic, out::add);
        return out;
    }

    /**
     * Hands every readable record of {@code topic} committed so far to {@code sink} without keeping them (large
     * topics, state rebuilt record by record).
     *
     * @return how many records went to the sink
     */
    public <K, V> int readAll(Topic<K, V> topic, java.util.function.Consumer<ConsumerRecord<K, V>> sink) {
        try (TopicTail<K, V> tail = tail(topic)) {
            return tail.catchUp(sink);
        }
    }

    /** A reader of {@code topic} that stays open: each {@link TopicTail#catchUp} reads what was committed since. */
    public <K, V> TopicTail<K, V> tail(Topic<K, V> topic) {
        return TopicTail.over(new KafkaConsumer<>(readerProps(clientProps), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                topic, registry);
    }

    static Map<String, Object> readerProps(Map<String, Object> clientProps) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return p;
    }
}
