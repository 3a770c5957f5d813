package io.unlearn.evaluator.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.runtime.testing.RecordingProducer;
import io.unlearn.schemas.DeadLetterHeaders;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's consume → evaluate → publish loop on MockConsumer / MockProducer, with a stubbed judge and state
 * feed: a report goes out in one transaction with its statuses and offset; a partition revoked while the poll's
 * records are being judged publishes nothing for its records and commits no offset for them; an unreadable record
 * is dead-lettered with its offset and the loop goes on.
 */
class EvaluatorLoopTest {
    private static final String TOPIC = Topics.MODEL_VERSIONS.name();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private static final String SHA = "a".repeat(64);

    private final SchemaRegistryClient registry = SchemaRegistryClient.inMemory();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final RecordingProducer producer = new RecordingProducer();
    private final List<String> judged = new ArrayList<>();
    private java.util.function.IntConsumer whileJudging = partition -> { };
    private java.util.function.Consumer<EvaluatorState> committedElsewhere = state -> { };

    private final java.security.KeyPair keys = io.unlearn.schemas.SigningKeys.generate();

    @Test
    void aReportIsPublishedInOneTransactionWithItsStatusesAndOffset() {
        EvaluatorLoop loop = loop();
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, 0, version("m", 2, List.of("r1", "r2"))));
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(judged).containsExactly("m@v2");
        assertThat(producer.committed).hasSize(1);
        RecordingProducer.Transaction tx = producer.committed.get(0);
        assertThat(tx.topics()).containsExactly(Topics.EVALUATION_REPORTS.name(), Topics.REQUEST_STATUS.name(), Topics.REQUEST_STATUS.name());
        assertThat(statesIn(tx)).as("the stub judge rejects an UNLEARNED version: the worker escalates")
                .containsExactly(RequestState.ESCALATING, RequestState.ESCALATING);
        assertThat(tx.offsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
        io.unlearn.events.EvaluationReport report = EventSerdes.serde(io.unlearn.events.EvaluationReport.class, registry).deserializer()
                .deserialize(Topics.EVALUATION_REPORTS.name(), tx.records().get(0).value());
        assertThat(io.unlearn.schemas.EventSignatures.verify(report, io.unlearn.schemas.TrustedKeys.of(List.of(keys.getPublic()))))
                .as("signed with the evaluator's key").isEqualTo(io.unlearn.schemas.EventSignatures.Check.VALID);
        assertThat(producer.transactionAborted()).isFalse();
        assertThat(consumer.closed()).isTrue();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void aPartitionRevokedWhileThePollIsJudgedPublishesNothingForItsRecords() {
        EvaluatorLoop loop = loop();
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, 0, version("m", 2, List.of("r1"))));
            consumer.addRecord(record(1, 0, version("n", 2, List.of("r2"))));
        });
        consumer.schedulePollTask(loop::close);
        // While the first of the two is judged, the other partition goes to another instance.
        whileJudging = own -> consumer.rebalance(List.of(new TopicPartition(TOPIC, own)));

        loop.run();

        assertThat(judged).as("the other version is left to its partition's new owner").hasSize(1);
        TopicPartition kept = judged.get(0).equals("m@v2") ? P0 : P1;
        TopicPartition revoked = kept.equals(P0) ? P1 : P0;
        assertThat(producer.committed).hasSize(1);
        assertThat(producer.committed.get(0).offsets()).isEqualTo(Map.of(kept, new OffsetAndMetadata(1)));
        assertThat(producer.committed).allSatisfy(tx -> assertThat(tx.offsets()).doesNotContainKey(revoked));
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithItsOffsetAndTheLoopGoesOn() {
        EvaluatorLoop loop = loop();
        byte[] garbage = "not a ModelVersion".getBytes(StandardCharsets.UTF_8);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "m", garbage));
            consumer.addRecord(record(0, 1, version("m", 2, List.of("r1"))));
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(producer.committed).hasSize(2);
        RecordingProducer.Transaction dlq = producer.committed.get(0);
        assertThat(dlq.topics()).containsExactly(Topics.DEAD_LETTERS.name());
        assertThat(dlq.records().get(0).value()).isEqualTo(garbage);
        assertThat(header(dlq, DeadLetterHeaders.REASON)).startsWith("unreadable model version");
        assertThat(dlq.offsets()).as("the offset moves past the poison record in the same transaction")
                .isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
        assertThat(judged).as("the next record is still judged").containsExactly("m@v2");
        assertThat(producer.committed.get(1).offsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void aVersionSupersededBeforeItIsJudgedGetsANotJudgedReportAndDecidesNoRequest() {
        EvaluatorLoop loop = loop();
        ModelVersion rebuilt = ModelVersion.newBuilder(version("m", 3, List.of("r1"))).setParentVersionId("m@v1")
                .setSupersedes(List.of("m@v2")).build();
        committedElsewhere = state -> state.onVersion(rebuilt, 0); // the worker's escalation is already on the topic
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, 0, version("m", 2, List.of("r1"))));
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(judged).as("nothing measured for a superseded version").isEmpty();
        assertThat(producer.committed).hasSize(1);
        RecordingProducer.Transaction tx = producer.committed.get(0);
        assertThat(tx.topics()).as("its report, and no status: m@v3's report decides r1").containsExactly(Topics.EVALUATION_REPORTS.name());
        assertThat(tx.offsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    }

    private EvaluatorLoop loop() {
        consumer.updatePartitions(TOPIC, IntStream.range(0, 2).mapToObj(p -> new PartitionInfo(TOPIC, p, Node.noNode(), null, null)).toList());
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        StateFeed nothingYet = new StateFeed() {
            @Override
            public void catchUp(EvaluatorState state) {
                committedElsewhere.accept(state);
            }

            @Override
            public void close() {
            }
        };
        VersionJudge judge = (v, state) -> {
            judged.add(v.getVersionId());
            whileJudging.accept(state.partition(v.getVersionId()).orElseThrow());
            whileJudging = partition -> { };
            return Reports.refused(v, "stub judge: artifact refused", T0);
        };
        return new EvaluatorLoop(consumer, producer, registry, io.unlearn.runtime.EventSigner.of(keys), nothingYet, judge, null, new SimpleMeterRegistry(),
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    private ConsumerRecord<String, byte[]> record(int partition, long offset, ModelVersion v) {
        return new ConsumerRecord<>(TOPIC, partition, offset, v.getModelId(),
                EventSerdes.serde(ModelVersion.class, registry).serializer().serialize(TOPIC, v));
    }

    private static ModelVersion version(String model, long n, List<String> requests) {
        return ModelVersion.newBuilder().setModelId(model).setVersion(n).setVersionId(model + "@v" + n)
                .setParentVersionId(model + "@v" + (n - 1)).setKind(ModelVersionKind.UNLEARNED).setMethod("stub")
                .setArtifactUri("file:/x/").setArtifactSha256(SHA).setAppliedRequestIds(requests).setLineageHash(SHA)
                .setCreatedAt(T0).build();
    }

    private List<RequestState> statesIn(RecordingProducer.Transaction tx) {
        var statuses = EventSerdes.serde(RequestStatus.class, registry).deserializer();
        return tx.records().stream().filter(r -> r.topic().equals(Topics.REQUEST_STATUS.name()))
                .map(r -> statuses.deserialize(r.topic(), r.value()).getState()).toList();
    }

    private static String header(RecordingProducer.Transaction tx, String name) {
        return new String(tx.records().get(0).headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
