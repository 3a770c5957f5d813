package io.unlearn.runtime;

import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open reader of one whole topic (every partition, assigned, no group), from the beginning on its first
 * {@link #catchUp}, then from where the previous one stopped. Each catch-up reads to the topic's end as it was when
 * the call began. Tombstones (null values) are skipped: no topic of the contract deletes by tombstone. Records
 * whose key or value cannot be decoded go to an {@link Unreadable} handler: by default they are logged (topic,
 * partition, offset) and skipped, as they were written by no producer of this contract and carry nothing a reader
 * could use; an auditor records them instead. A catch-up that makes no progress for {@link #STALL_TIMEOUT} (brokers
 * unreachable, no right to read) ends with a {@link RetriableServiceException}.
 */
public final class TopicTail<K, V> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** How long a catch-up waits for a partition to make progress before it gives up. */
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Deserializer<K> keys;
    private final Deserializer<V> values;
    private List<TopicPartition> partitions;

    private TopicTail(Consumer<byte[], byte[]> consumer, String topic, Deserializer<K> keys, Deserializer<V> values) {
        this.consumer = consumer;
        this.topic = topic;
        this.keys = keys;
        this.values = values;
    }

    /** A tail over a byte consumer that nobody else uses (a {@code MockConsumer} in tests); it is closed with the tail. */
    public static <K, V> TopicTail<K, V> over(Consumer<byte[], byte[]> consumer, Topic<K, V> topic, SchemaRegistryClient registry) {
        return new TopicTail<>(consumer, topic.name(), topic.keySerde().deserializer(), topic.valueSerde(registry).deserializer());
    }

    /** What a reader does with a record whose key or value cannot be decoded. */
    @FunctionalInterface
    public interface Unreadable {
        /** @param record the record as read; {@code why} the decoding failure */
        void accept(ConsumerRecord<byte[], byte[]> record, SerializationException why);
    }

    /**
     * Hands every readable record committed since the previous call to {@code sink}, each partition in offset order;
     * unreadable ones are logged and skipped.
     *
     * @return how many records went to the sink
     */
    public int catchUp(java.util.function.Consumer<ConsumerRecord<K, V>> sink) {
        return catchUp(sink, (r, why) -> log.warn("Skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(),
                r.offset(), why.getMessage()));
    }

    /**
     * As {@link #catchUp(java.util.function.Consumer)}, with unreadable records handed to {@code unreadable}.
     *
     * @return how many records went to the sink
     * @throws RetriableServiceException when no partition made progress for {@link #STALL_TIMEOUT}
     */
    public int catchUp(java.util.function.Consumer<ConsumerRecord<K, V>> sink, Unreadable unreadable) {
        if (partitions == null) {
            partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
        int read = 0;
        long lastProgress = System.nanoTime();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
            for (ConsumerRecord<byte[], byte[]> r : batch) {
                ConsumerRecord<K, V> decoded = decode(r, unreadable);
                if (decoded != null) {
                    sink.accept(decoded);
                    read++;
                }
            }
            if (!batch.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                throw new RetriableServiceException("reading " + topic + " made no progress for " + STALL_TIMEOUT.toSeconds()
                        + " s; check that the brokers are reachable and that the Kafka client settings (security.protocol,"
                        + " sasl.*, ssl.*) allow reading it");
            }
        }
        return read;
    }

    private ConsumerRecord<K, V> decode(ConsumerRecord<byte[], byte[]> r, Unreadable unreadable) {
        if (r.value() == null) {
            return null;
        }
        try {
            K key = r.key() == null ? null : keys.deserialize(r.topic(), r.headers(), r.key());
            V value = values.deserialize(r.topic(), r.headers(), r.value());
            return value == null ? null : new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                    r.serializedKeySize(), r.serializedValueSize(), key, value, r.headers(), r.leaderEpoch());
        } catch (SerializationException e) {
            unreadable.accept(r, e);
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close(CLOSE_TIMEOUT);
    }
}
