package io.unlearn.evaluator.internals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private reader of one whole topic (every partition, from the beginning, committed records only, no group):
 * {@link #catchUp()} reads up to the topic's current end and hands each value with its partition to the sink.
 * The evaluator mirrors versions, forgotten samples and its own reports this way, so that lineage lookups and the
 * "already reported?" check see everything committed before the version being judged. Unreadable records are
 * logged and skipped: they belong to no version this evaluator could judge.
 */
final class TopicMirror<V> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicMirror.class);
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Deserializer<V> values;
    private final ObjIntConsumer<V> sink;
    private List<TopicPartition> partitions;

    TopicMirror(Map<String, Object> clientProps, String topic, Deserializer<V> values, ObjIntConsumer<V> sink) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.values = values;
        this.sink = sink;
    }

    /** Reads every record committed so far and not read yet. */
    void catchUp() {
        if (partitions == null) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.value() == null) {
                    continue;
                }
                try {
                    sink.accept(values.deserialize(r.topic(), r.value()), r.partition());
                } catch (SerializationException e) {
                    log.warn("Skipping unreadable record {}-{}@{} while mirroring: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
