package io.unlearn.audit.internals;

import io.unlearn.audit.AuditException;
import io.unlearn.audit.AuditLog;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topic;
import io.unlearn.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the audited topics from the beginning to their end at the time of the call, committed records
 * only ({@code read_committed}: an aborted transaction's version never counts), with no consumer group
 * (nothing is committed, any number of auditors may run). Values are decoded one by one, so a record
 * that does not decode becomes a finding instead of stopping the audit; tombstones are skipped.
 */
public final class AuditLogReader {
    /** How long the reader waits for a partition to make progress before it gives up. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> clientProps;
    private final SchemaRegistryClient registry;
    private final List<String> undecodable = new ArrayList<>();
    private long newest = Long.MIN_VALUE;

    private AuditLogReader(Map<String, Object> clientProps, SchemaRegistryClient registry) {
        this.clientProps = clientProps;
        this.registry = registry;
    }

    /**
     * @param clientProps Kafka client settings (bootstrap.servers, security)
     * @param registry    the schema registry the records' schema ids refer to
     */
    public static AuditLog read(Map<String, Object> clientProps, SchemaRegistryClient registry) {
        AuditLogReader r = new AuditLogReader(clientProps, registry);
        return new AuditLog(r.read(Topics.MODEL_VERSIONS), r.read(Topics.ACCEPTED_REQUESTS), r.read(Topics.REQUEST_STATUS),
                r.read(Topics.FORGOTTEN_SAMPLES), r.read(Topics.EVALUATION_REPORTS), r.undecodable,
                r.newest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(r.newest));
    }

    private <V extends SpecificRecord> List<V> read(Topic<String, V> topic) {
        Deserializer<V> values = EventSerdes.serde(topic.valueType(), registry).deserializer();
        List<V> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records(topic.name())) {
            newest = Math.max(newest, record.timestamp());
            if (record.value() == null) {
                continue;
            }
            try {
                out.add(values.deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
                undecodable.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The topic's committed records, partition by partition, each in offset order. */
    private List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
            long lastProgress = System.nanoTime();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                var batch = c.poll(Duration.ofMillis(200));
                batch.forEach(r -> byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), k -> new ArrayList<>()).add(r));
                if (!batch.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                    throw new AuditException("reading " + topic + " made no progress for " + STALL_TIMEOUT.toSeconds()
                            + " s; check that the brokers are reachable and that the Kafka client settings (security.protocol,"
                            + " sasl.*, ssl.*) allow reading it");
                }
            }
            return parts.stream().flatMap(tp -> byPartition.getOrDefault(tp, List.of()).stream()).toList();
        }
    }
}
