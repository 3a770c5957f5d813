package io.unlearn.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DatasetSplit;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.SampleRecord;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver around the ingest topology, with a small catalogue: subject-1 owns s1..s3. */
final class IngestFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    final SchemaRegistryClient registry = SchemaRegistryClient.inMemory();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> deletionBytes;
    final TestInputTopic<String, byte[]> conceptBytes;
    final TestOutputTopic<String, AcceptedRequest> accepted;
    final TestOutputTopic<String, RequestStatus> statuses;
    final TestOutputTopic<byte[], byte[]> deadLetters;

    IngestFixture(IngestRules rules) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(IngestTopology.build(rules, registry, Clock.fixed(NOW, ZoneOffset.UTC), meters), props);
        deletionBytes = driver.createInputTopic(Topics.DELETION_REQUESTS.name(), new StringSerializer(), new ByteArraySerializer());
        conceptBytes = driver.createInputTopic(Topics.CONCEPT_REQUESTS.name(), new StringSerializer(), new ByteArraySerializer());
        accepted = driver.createOutputTopic(Topics.ACCEPTED_REQUESTS.name(), new StringDeserializer(),
                EventSerdes.serde(AcceptedRequest.class, registry).deserializer());
        statuses = driver.createOutputTopic(Topics.REQUEST_STATUS.name(), new StringDeserializer(),
                EventSerdes.serde(RequestStatus.class, registry).deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        for (int i = 1; i <= 3; i++) {
            sample("s" + i, "subject-1", i == 3 ? "Sneaker" : "Sandal");
        }
        sample("s4", "subject-2", "Coat");
        pipe(Topics.MODEL_VERSIONS.name(), "fmnist-cnn", ModelVersion.class, ModelVersion.newBuilder().setModelId("fmnist-cnn")
                .setVersion(1).setVersionId("fmnist-cnn@v1").setKind(ModelVersionKind.BASE).setMethod("train")
                .setArtifactUri("file:/tmp/a").setArtifactSha256("0".repeat(64)).setLineageHash("1".repeat(64))
                .setCreatedAt(NOW).build());
    }

    void sample(String id, String subject, String label) {
        pipe(Topics.SAMPLES.name(), id, SampleRecord.class, SampleRecord.newBuilder().setSampleId(id).setDatasetId("fmnist")
                .setSplit(DatasetSplit.TRAIN).setSubjectId(subject).setLabel(label).setRegisteredAt(NOW).build());
    }

    void forgotten(String id, String versionId) {
        pipe(Topics.FORGOTTEN_SAMPLES.name(), Topics.forgottenKey("fmnist-cnn", id), ForgottenSample.class, ForgottenSample.newBuilder().setSampleId(id)
                .setRequestId("earlier").setModelId("fmnist-cnn").setVersionId(versionId).setForgottenAt(NOW).build());
    }

    <T extends org.apache.avro.specific.SpecificRecord> void pipe(String topic, String key, Class<T> type, T value) {
        driver.createInputTopic(topic, new StringSerializer(), EventSerdes.serde(type, registry).serializer()).pipeInput(key, value);
    }

    static DeletionRequest.Builder deletion(String requestId) {
        return DeletionRequest.newBuilder().setRequestId(requestId).setRequester("compliance").setSubjectId("subject-1")
                .setSampleIds(List.of()).setModelId("fmnist-cnn").setLegalBasis(LegalBasis.GDPR_ART_17)
                .setReceivedAt(NOW.minus(Duration.ofHours(1))).setDeadline(NOW.plus(Duration.ofDays(30)));
    }

    static ConceptRemovalRequest.Builder concept(String requestId) {
        return ConceptRemovalRequest.newBuilder().setRequestId(requestId).setRequester("ops").setModelId("fmnist-cnn")
                .setConceptName("footwear").setConceptLabels(List.of("Sandal", "Sneaker"))
                .setReceivedAt(NOW.minus(Duration.ofHours(1))).setDeadline(NOW.plus(Duration.ofDays(30)));
    }

    void send(DeletionRequest r) {
        pipe(Topics.DELETION_REQUESTS.name(), r.getRequestId(), DeletionRequest.class, r);
    }

    void send(ConceptRemovalRequest r) {
        pipe(Topics.CONCEPT_REQUESTS.name(), r.getRequestId(), ConceptRemovalRequest.class, r);
    }

    Map<String, String> history() {
        Map<String, String> out = new java.util.TreeMap<>();
        driver.<String, String>getKeyValueStore(io.unlearn.ingest.internals.StoreNames.HISTORY).all()
                .forEachRemaining(kv -> out.put(kv.key, kv.value));
        return out;
    }

    @Override
    public void close() {
        driver.close();
    }
}
