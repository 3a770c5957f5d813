package io.unlearn.worker;

import io.unlearn.events.DatasetSplit;
import io.unlearn.events.SampleRecord;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.data.SampleSource;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes one SampleRecord per training sample of a dataset (id, split, row, subject, label, content
 * sha256) into unlearn.catalog.samples, keyed by sample id. Idempotent: the topic is compacted and the
 * records are the same on every run, so importing twice changes nothing a reader sees.
 */
public final class CatalogImporter {
    private final Map<String, Object> clientProps;
    private final SchemaRegistryClient registry;
    private final Clock clock;

    public CatalogImporter(Map<String, Object> clientProps, SchemaRegistryClient registry, Clock clock) {
        this.clientProps = clientProps;
        this.registry = registry;
        this.clock = clock;
    }

    /** Imports every sample of {@code view}; reports progress every 10,000 samples; returns the count. */
    public int importView(DataView view, IntConsumer progress) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        Serializer<SampleRecord> values = EventSerdes.serde(SampleRecord.class, registry).serializer();
        SampleSource source = view.source();
        float[] features = new float[(int) source.sampleShape().size()];
        ByteBuffer bytes = ByteBuffer.allocate(features.length * Float.BYTES);
        MessageDigest sha = sha256();
        long now = clock.millis();
        try (KafkaProducer<String, SampleRecord> producer = new KafkaProducer<>(props, EventSerdes.keySerde().serializer(), values)) {
            for (int i = 0; i < view.size(); i++) {
                int row = view.row(i);
                source.copyFeatures(row, features, 0);
                bytes.clear();
                bytes.asFloatBuffer().put(features);
                SampleRecord sample = SampleRecord.newBuilder().setSampleId(source.id(row)).setDatasetId(source.name())
                        .setSplit(DatasetSplit.valueOf(source.split().name())).setDatasetIndex((long) row)
                        .setSubjectId(source.subject(row)).setLabel(source.classNames().get(source.label(row)))
                        .setLabelIndex(source.label(row)).setContentSha256(HexFormat.of().formatHex(sha.digest(bytes.array())))
                        .setRegisteredAt(java.time.Instant.ofEpochMilli(now)).build();
                producer.send(new ProducerRecord<>(Topics.SAMPLES.name(), sample.getSampleId(), sample));
                if ((i + 1) % 10_000 == 0) {
                    progress.accept(i + 1);
                }
            }
            producer.flush();
        }
        return view.size();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
