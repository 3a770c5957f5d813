package io.unlearn.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The tests' reader of a topic on a running cluster (committed records only, its own throw-away group, from the
 * beginning). It reads until {@code done} holds on what it kept (or the timeout passes) and then does NOT stop there:
 * it reads on to the topic's end offsets, and keeps reading until no new record was kept for {@link #SETTLE} — so a
 * record published after the expected ones (a duplicate, a second report) is in the result and an exact-count
 * assertion fails, instead of the reader stopping at the count it was told to expect. The settle always ends: it is
 * bounded by the timeout plus {@link #SETTLE}. Records whose key or value cannot be decoded are skipped (a test may put
 * garbage on a topic on purpose), as are tombstones.
 */
public final class TopicRecords {
    /** How long the reader goes on once at the end with nothing new kept. */
    public static final Duration SETTLE = Duration.ofMillis(1500);
    private static final Duration POLL = Duration.ofMillis(200);

    private TopicRecords() {
    }

    /** Values of {@code topic} that {@code keep} accepts; reads until at least {@code atLeast} were kept, then to the end. */
    public static <V> List<V> values(String bootstrapServers, String topic, Deserializer<V> values, Predicate<V> keep,
                                     int atLeast, Duration timeout) {
        return records(Map.of("bootstrap.servers", bootstrapServers), topic, new ByteArrayDeserializer(), values,
                r -> keep.test(r.value()), all -> all.size() >= atLeast, timeout).stream().map(ConsumerRecord::value).toList();
    }

    /**
     * Records of {@code topic} that {@code keep} accepts, read until {@code done} holds (or {@code timeout} passes), then
     * to the end offsets and until nothing new was kept for {@link #SETTLE}.
     *
     * @param clientProps at least {@code bootstrap.servers}; group, offset reset and isolation are set here
     */
    public static <K, V> List<ConsumerRecord<K, V>> records(Map<String, Object> clientProps, String topic, Deserializer<K> keys,
                                                            Deserializer<V> values, Predicate<ConsumerRecord<K, V>> keep,
                                                            Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<K, V>> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            while (!done.test(out) && System.nanoTime() < deadline) {
                poll(c, keys, values, keep, out);
            }
            long settleEnds = System.nanoTime() + SETTLE.toNanos();
            long hardEnd = Math.max(deadline, System.nanoTime()) + SETTLE.toNanos();
            while (System.nanoTime() < hardEnd && (System.nanoTime() < settleEnds || !atEnd(c))) {
                if (poll(c, keys, values, keep, out) > 0) {
                    settleEnds = System.nanoTime() + SETTLE.toNanos();
                }
            }
        }
        return out;
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> c) {
        if (c.assignment().isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> end = c.endOffsets(c.assignment());
        return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
    }

    private static <K, V> int poll(KafkaConsumer<byte[], byte[]> c, Deserializer<K> keys, Deserializer<V> values,
                                   Predicate<ConsumerRecord<K, V>> keep, List<ConsumerRecord<K, V>> out) {
        int kept = 0;
        for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
            ConsumerRecord<K, V> decoded = decode(r, keys, values);
            if (decoded != null && keep.test(decoded)) {
                out.add(decoded);
                kept++;
            }
        }
        return kept;
    }

    private static <K, V> ConsumerRecord<K, V> decode(ConsumerRecord<byte[], byte[]> r, Deserializer<K> keys, Deserializer<V> values) {
        if (r.value() == null) {
            return null;
        }
        try {
            K key = r.key() == null ? null : keys.deserialize(r.topic(), r.headers(), r.key());
            V value = values.deserialize(r.topic(), r.headers(), r.value());
            return value == null ? null : new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                    r.serializedKeySize(), r.serializedValueSize(), key, value, r.headers(), r.leaderEpoch());
        } catch (SerializationException e) {
            return null;
        }
    }
}
