package io.unlearn.schemas;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the event contract, typed by its key {@code K} and value {@code V}: its name, what the key
 * is, how keys and values are (de)serialised, and how the broker keeps it (partitions, cleanup policy,
 * retention). The catalogue of all topics is {@link Topics}.
 *
 * <pre>{@code
 * Topic<String, DeletionRequest> t = Topics.DELETION_REQUESTS;
 * KafkaProducer<String, DeletionRequest> producer =
 *     new KafkaProducer<>(props, t.keySerde().serializer(), t.valueSerde(registry).serializer());
 * }</pre>
 */
public final class Topic<K, V> {

    /** {@code retention.ms} of a topic that keeps its records forever. */
    public static final long RETENTION_FOREVER = -1L;
    /** Partitions of every catalogue topic unless it says otherwise: room for three instances per group. */
    public static final int DEFAULT_PARTITIONS = 3;

    private final String name;
    private final String doc;
    private final String keyDoc;
    private final Supplier<Serde<K>> keySerde;
    private final Class<V> valueType;
    private final Schema valueSchema;
    private final Function<SchemaRegistryClient, Serde<V>> valueSerde;
    private final int partitions;
    private final CleanupPolicy cleanupPolicy;
    private final long retentionMs;

    private Topic(Builder<K, V> b, String name) {
        this.name = name;
        this.doc = b.doc;
        this.keyDoc = b.keyDoc;
        this.keySerde = b.keySerde;
        this.valueType = b.valueType;
        this.valueSchema = b.valueSchema;
        this.valueSerde = b.valueSerde;
        this.partitions = b.partitions;
        this.cleanupPolicy = b.cleanupPolicy;
        this.retentionMs = b.retentionMs;
    }

    /** A topic with string keys and Avro values of the generated class {@code valueType}. */
    public static <V extends SpecificRecord> Builder<String, V> avro(String name, Class<V> valueType) {
        return new Builder<>(name, Serdes::String, valueType, EventSerdes.schemaOf(valueType),
                registry -> EventSerdes.serde(valueType, registry));
    }

    /** A topic whose keys and values are opaque bytes (the dead-letter topic). */
    public static Builder<byte[], byte[]> bytes(String name) {
        return new Builder<>(name, Serdes::ByteArray, byte[].class, null, registry -> Serdes.ByteArray());
    }

    public String name() {
        return name;
    }

    /** What the topic holds and who writes it. */
    public String doc() {
        return doc;
    }

    /** What the record key is, e.g. "requestId". */
    public String keyDoc() {
        return keyDoc;
    }

    /** A new serde for keys (plain UTF-8 strings for every Avro topic). */
    public Serde<K> keySerde() {
        return keySerde.get();
    }

    public Class<V> valueType() {
        return valueType;
    }

    /** The Avro schema of the values; empty for byte topics. */
    public Optional<Schema> valueSchema() {
        return Optional.ofNullable(valueSchema);
    }

    /** The registry subject of the values ({@code <topic>-value}); empty for byte topics. */
    public Optional<String> valueSubject() {
        return valueSchema == null ? Optional.empty() : Optional.of(EventSerdes.valueSubject(name));
    }

    /** A new serde for values, backed by {@code registry} for Avro topics (ignored for byte topics). */
    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return valueSerde.apply(registry);
    }

    public int partitions() {
        return partitions;
    }

    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /** {@code retention.ms}; {@link #RETENTION_FOREVER} for audit topics. */
    public long retentionMs() {
        return retentionMs;
    }

    /** The topic configs the provisioner sets and checks. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
        return configs;
    }

    /** The same topic under another name: for per-environment prefixes and for tests. */
    public Topic<K, V> withName(String otherName) {
        Builder<K, V> b = new Builder<>(otherName, keySerde, valueType, valueSchema, valueSerde);
        b.doc = doc;
        b.keyDoc = keyDoc;
        b.partitions = partitions;
        b.cleanupPolicy = cleanupPolicy;
        b.retentionMs = retentionMs;
        return b.build();
    }

    @Override
    public String toString() {
        return name + " (key " + keyDoc + ", value " + (valueSchema == null ? "bytes" : valueSchema.getName())
                + ", " + partitions + " partitions, " + cleanupPolicy.configValue() + ", retention.ms=" + retentionMs + ")";
    }

    /** Builds a {@link Topic}; name, doc and key doc are required. */
    public static final class Builder<K, V> {
        private final String name;
        private final Supplier<Serde<K>> keySerde;
        private final Class<V> valueType;
        private final Schema valueSchema;
        private final Function<SchemaRegistryClient, Serde<V>> valueSerde;
        private String doc;
        private String keyDoc;
        private int partitions = DEFAULT_PARTITIONS;
        private CleanupPolicy cleanupPolicy = CleanupPolicy.DELETE;
        private long retentionMs = RETENTION_FOREVER;

        private Builder(String name, Supplier<Serde<K>> keySerde, Class<V> valueType, Schema valueSchema,
                        Function<SchemaRegistryClient, Serde<V>> valueSerde) {
            this.name = name;
            this.keySerde = keySerde;
            this.valueType = valueType;
            this.valueSchema = valueSchema;
            this.valueSerde = valueSerde;
        }

        public Builder<K, V> setDoc(String doc) {
            this.doc = doc;
            return this;
        }

        public Builder<K, V> setKeyDoc(String keyDoc) {
            this.keyDoc = keyDoc;
            return this;
        }

        public Builder<K, V> optPartitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** Keep every record forever (audit topics): cleanup.policy=delete, retention.ms=-1. The default. */
        public Builder<K, V> keepForever() {
            this.cleanupPolicy = CleanupPolicy.DELETE;
            this.retentionMs = RETENTION_FOREVER;
            return this;
        }

        /** Keep the latest record per key, forever: cleanup.policy=compact, retention.ms=-1. */
        public Builder<K, V> compacted() {
            this.cleanupPolicy = CleanupPolicy.COMPACT;
            this.retentionMs = RETENTION_FOREVER;
            return this;
        }

        /** Delete records older than {@code retentionMs}. */
        public Builder<K, V> optRetention(long retentionMs) {
            this.cleanupPolicy = CleanupPolicy.DELETE;
            this.retentionMs = retentionMs;
            return this;
        }

        public Topic<K, V> build() {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || !name.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new ContractException("Topic name '" + name + "' is not a legal Kafka topic name"
                        + " (1-249 of a-z A-Z 0-9 . _ -).");
            }
            if (doc == null || doc.isBlank() || keyDoc == null || keyDoc.isBlank()) {
                throw new ContractException("Topic '" + name + "' needs a doc and a key doc: say what it holds"
                        + " and what its key is.");
            }
            if (partitions < 1) {
                throw new ContractException("Topic '" + name + "' has " + partitions + " partitions; it needs at least 1.");
            }
            if (retentionMs < RETENTION_FOREVER || retentionMs == 0) {
                throw new ContractException("Topic '" + name + "' has retention.ms=" + retentionMs
                        + "; use -1 (forever) or a positive number of milliseconds.");
            }
            return new Topic<>(this, name);
        }
    }
}
