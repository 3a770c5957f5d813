package io.unlearn.worker.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.LegalBasis;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.runtime.testing.RecordingProducer;
import io.unlearn.schemas.DeadLetterHeaders;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The worker's consume → apply → publish loop on MockConsumer / MockProducer, with a stubbed engine and state feed: a
 * batch is published in one transaction with its offsets; a partition revoked before its batch is published publishes
 * nothing and commits no offset past the batch; an unreadable record is dead-lettered with its offset and the loop
 * goes on; the models' state is caught up before each decision; a batch whose model has no visible version waits
 * (bounded) without committing past it.
 */
class WorkerLoopTest {
    private static final String TOPIC = Topics.ACCEPTED_REQUESTS.name();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private static final String SHA = "a".repeat(64);

    private final SchemaRegistryClient registry = SchemaRegistryClient.inMemory();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final RecordingProducer producer = new RecordingProducer();
    private final MutableClock clock = new MutableClock();
    private final List<List<String>> applied = new ArrayList<>();
    private final List<List<String>> reapplied = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();
    private boolean failReapply;
    private final StubFeed feed = new StubFeed();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final java.security.KeyPair keys = io.unlearn.schemas.SigningKeys.generate();
    private final io.unlearn.runtime.EventSigner signer = io.unlearn.runtime.EventSigner.of(keys);

    @Test
    void aFullBatchIsPublishedInOneTransactionWithItsOffsets() {
        WorkerLoop loop = loop(new PendingBatches(2, 1000, 60_000));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, request("r1", 2)));
            consumer.addRecord(record(1, request("r2", 1)));
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(applied).containsExactly(List.of("r1", "r2"));
        assertThat(producer.committed).hasSize(1);
        RecordingProducer.Transaction tx = producer.committed.get(0);
        assertThat(tx.topics()).containsExactly(Topics.MODEL_VERSIONS.name(), Topics.FORGOTTEN_SAMPLES.name(),
                Topics.FORGOTTEN_SAMPLES.name(), Topics.FORGOTTEN_SAMPLES.name(), Topics.REQUEST_STATUS.name(),
                Topics.REQUEST_STATUS.name(), Topics.REQUEST_STATUS.name(), Topics.REQUEST_STATUS.name());
        assertThat(statesIn(tx)).containsExactly(RequestState.BATCHED, RequestState.APPLIED, RequestState.BATCHED, RequestState.APPLIED);
        assertThat(tx.offsets()).as("the offsets travel in the batch's transaction").isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
        assertThat(producer.transactionAborted()).isFalse();
        assertThat(producer.closed()).as("closed with the loop").isTrue();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void aPartitionRevokedBeforeItsBatchIsPublishedPublishesNothingAndCommitsNoOffsetPastIt() {
        WorkerLoop loop = loop(new PendingBatches(10, 1000, 1_000));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, request("r1", 2)));
        });
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P1)); // P0 goes to another instance while its batch waits
            clock.advance(Duration.ofSeconds(5)); // the batch would now be due
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(applied).as("the revoked batch is not applied").isEmpty();
        assertThat(producer.committed).flatExtracting(RecordingProducer.Transaction::records).isEmpty();
        assertThat(producer.committed).extracting(t -> t.offsets().get(P0)).allSatisfy(o ->
                assertThat(o == null || o.offset() == 0).as("never past the batch's first record").isTrue());
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithItsOffsetAndTheLoopGoesOn() {
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000));
        byte[] garbage = "not an AcceptedRequest".getBytes(StandardCharsets.UTF_8);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "m", garbage));
            consumer.addRecord(record(1, request("r1", 1)));
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(producer.committed).hasSize(2);
        RecordingProducer.Transaction dlq = producer.committed.get(0);
        assertThat(dlq.topics()).containsExactly(Topics.DEAD_LETTERS.name());
        assertThat(dlq.records().get(0).value()).isEqualTo(garbage);
        assertThat(header(dlq, DeadLetterHeaders.REASON)).startsWith("unreadable accepted request");
        assertThat(header(dlq, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(dlq.offsets()).as("the offset moves past the poison record in the same transaction")
                .isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
        assertThat(applied).as("the next record is still applied").containsExactly(List.of("r1"));
        assertThat(producer.committed.get(1).offsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void aBatchForAModelWithoutAVisibleVersionWaitsWithoutCommittingPastItThenIsAppliedOnTheVersionOnceItAppears() {
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000), Duration.ofMinutes(5));
        feed.models.clear(); // ingest saw the model's BASE; this worker's view does not have it yet
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, request("r1", 2)));
        });
        consumer.schedulePollTask(() -> clock.advance(Duration.ofSeconds(1))); // re-checked: still nothing
        consumer.schedulePollTask(() -> clock.advance(Duration.ofSeconds(1)));
        consumer.schedulePollTask(() -> {
            feed.models.add("m"); // `unlearn models train` published it meanwhile
            clock.advance(Duration.ofSeconds(2));
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(producer.committed).hasSize(2);
        RecordingProducer.Transaction waiting = producer.committed.get(0);
        assertThat(statesIn(waiting)).as("one repeated ACCEPTED, however often it is re-checked").containsExactly(RequestState.ACCEPTED);
        assertThat(statusesIn(waiting).get(0).getReason()).startsWith("waiting for a first version of model 'm'")
                .contains("unlearn models train --model m").contains(T0.plus(Duration.ofMinutes(5)).toString());
        assertThat(waiting.offsets()).as("no offset past the waiting request").isEqualTo(Map.of(P0, new OffsetAndMetadata(0)));
        assertThat(applied).as("applied once the version was visible").containsExactly(List.of("r1"));
        assertThat(statesIn(producer.committed.get(1))).containsExactly(RequestState.BATCHED, RequestState.APPLIED);
        assertThat(producer.committed.get(1).offsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
        assertThat(feed.catchUps).as("caught up at assignment and before each decision").isGreaterThanOrEqualTo(4);
        assertThat(feed.closed).isTrue();
    }

    @Test
    void aBatchThatWaitedPastTheBoundFailsWithAReasonThatSaysWhatToDo() {
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000), Duration.ofSeconds(3));
        feed.models.clear();
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, request("r1", 2)));
        });
        consumer.schedulePollTask(() -> clock.advance(Duration.ofSeconds(2)));
        consumer.schedulePollTask(() -> clock.advance(Duration.ofSeconds(2)));
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(applied).isEmpty();
        assertThat(producer.committed).hasSize(2);
        assertThat(statesIn(producer.committed.get(0))).containsExactly(RequestState.ACCEPTED);
        RecordingProducer.Transaction failed = producer.committed.get(1);
        assertThat(statesIn(failed)).containsExactly(RequestState.BATCHED, RequestState.FAILED);
        assertThat(statusesIn(failed).get(1).getReason()).startsWith("model 'm' has no published version in this cluster (waited PT3S")
                .contains("unlearn models train --model m").contains("send the request again");
        assertThat(failed.offsets()).as("the failed request is final: its offset moves on").isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void aVersionPublishedByAnyoneAfterTheAssignmentIsTheHeadTheNextBatchBuildsOn() {
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000));
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));
        consumer.schedulePollTask(() -> {
            feed.extra.add(version(2, ModelVersionKind.RETRAINED, List.of())); // another publisher's version, after assignment
            consumer.addRecord(record(0, request("r1", 1)));
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        var versions = EventSerdes.serde(ModelVersion.class, registry).deserializer();
        ModelVersion published = producer.committed.get(0).records().stream().filter(r -> r.topic().equals(Topics.MODEL_VERSIONS.name()))
                .map(r -> versions.deserialize(r.topic(), r.value())).findFirst().orElseThrow();
        assertThat(published.getVersionId()).as("built on m@v2, not on the m@v1 known at assignment").isEqualTo("m@v3");
        assertThat(published.getParentVersionId()).isEqualTo("m@v2");
    }

    @Test
    void aRejectedVersionIsSupersededInOneTransactionAndTheNextBatchBuildsOnItWithTheNextMethod() {
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, request("r1", 2)));
        });
        consumer.schedulePollTask(() -> {
            feed.reports.add(io.unlearn.events.EvaluationReport.newBuilder().setVersionId("m@v2").setModelId("m").setVersion(2)
                    .setMethod("stub").setVerdict(io.unlearn.events.Verdict.REJECTED).setFailingCriteria(List.of("drop 0.0 < 6.8"))
                    .setEvaluatedAt(T0).build());
            feed.statuses.add(RequestStatus.newBuilder().setRequestId("r1").setKind(RequestKind.DELETION).setState(RequestState.ESCALATING)
                    .setModelId("m").setVersionId("m@v2").setEmittedBy("evaluator").setOccurredAt(T0).build());
            clock.advance(WorkerLoop.CATCH_UP_EVERY); // the loop catches up on its own to see verdicts
        });
        consumer.schedulePollTask(() -> consumer.addRecord(record(1, request("r2", 1))));
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(producer.committed).hasSize(3);
        RecordingProducer.Transaction escalation = producer.committed.get(1);
        ModelVersion superseding = versionsIn(escalation).get(0);
        assertThat(superseding.getVersionId()).isEqualTo("m@v3");
        assertThat(superseding.getParentVersionId()).as("on the last certified version").isEqualTo("m@v1");
        assertThat(superseding.getSupersedes()).containsExactly("m@v2");
        assertThat(superseding.getMethod()).isEqualTo("next");
        assertThat(superseding.getEscalation()).contains("m@v2 (stub) was REJECTED (drop 0.0 < 6.8)").contains("re-applied by next on m@v1");
        assertThat(reapplied).containsExactly(List.of("r1"));
        assertThat(escalation.topics()).containsExactly(Topics.MODEL_VERSIONS.name(), Topics.FORGOTTEN_SAMPLES.name(),
                Topics.FORGOTTEN_SAMPLES.name(), Topics.REQUEST_STATUS.name());
        assertThat(statusesIn(escalation)).singleElement().satisfies(st -> {
            assertThat(st.getState()).isEqualTo(RequestState.APPLIED);
            assertThat(st.getVersionId()).isEqualTo("m@v3");
        });
        ModelVersion next = versionsIn(producer.committed.get(2)).get(0);
        assertThat(next.getParentVersionId()).as("the next batch builds on the superseding version").isEqualTo("m@v3");
        assertThat(next.getVersionId()).isEqualTo("m@v4");
        assertThat(methods).containsExactly("stub", "next");
    }

    @Test
    void aRequestEscalatedFromAVersionAlreadySupersededIsLeftToTheVerdictOnTheVersionThatReappliedIt() {
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000));
        feed.extra.add(version(2, ModelVersionKind.UNLEARNED, List.of("r1")));
        feed.extra.add(ModelVersion.newBuilder(version(3, ModelVersionKind.UNLEARNED, List.of("r1"))).setParentVersionId("m@v1")
                .setSupersedes(List.of("m@v2")).setMethod("next").build());
        feed.statuses.add(RequestStatus.newBuilder().setRequestId("r1").setKind(RequestKind.DELETION).setState(RequestState.ESCALATING)
                .setModelId("m").setVersionId("m@v2").setEmittedBy("evaluator").setOccurredAt(T0).build()); // judged after v3 was out
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));
        consumer.schedulePollTask(() -> clock.advance(WorkerLoop.CATCH_UP_EVERY));
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(reapplied).as("nothing is rebuilt").isEmpty();
        assertThat(producer.committed).as("no APPLIED that could land after the evaluator's verdict on m@v3").isEmpty();
    }

    @Test
    void aReapplicationTheEngineCannotFinishFailsTheEscalatingRequestsOnceAndTheNextBatchBuildsOnTheCertifiedVersion() {
        failReapply = true;
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000));
        feed.extra.add(version(2, ModelVersionKind.UNLEARNED, List.of("r1")));
        feed.reports.add(io.unlearn.events.EvaluationReport.newBuilder().setVersionId("m@v2").setModelId("m").setVersion(2)
                .setMethod("stub").setVerdict(io.unlearn.events.Verdict.REJECTED).setEvaluatedAt(T0).build());
        feed.statuses.add(RequestStatus.newBuilder().setRequestId("r1").setKind(RequestKind.DELETION).setState(RequestState.ESCALATING)
                .setModelId("m").setVersionId("m@v2").setEmittedBy("evaluator").setOccurredAt(T0).build());
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));
        consumer.schedulePollTask(() -> clock.advance(WorkerLoop.CATCH_UP_EVERY));
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, request("r2", 1))));
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(reapplied).as("tried once, not again on every loop").hasSize(1);
        assertThat(statusesIn(producer.committed.get(0))).singleElement().satisfies(st -> {
            assertThat(st.getState()).isEqualTo(RequestState.FAILED);
            assertThat(st.getReason()).startsWith("escalation of m@v2 to next failed: the engine broke");
        });
        ModelVersion next = versionsIn(producer.committed.get(1)).get(0);
        assertThat(next.getParentVersionId()).as("never on the rejected version").isEqualTo("m@v1");
        assertThat(next.getVersionId()).as("numbered above it").isEqualTo("m@v3");
    }

    @Test
    void theSameAcceptedRequestTwiceInOneBatchWindowIsAppliedOnceAndTheDuplicateIsCounted() {
        WorkerLoop loop = loop(new PendingBatches(4, 1000, 1_000));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, request("r1", 2)));
            consumer.addRecord(record(1, request("r1", 2))); // published twice: ingest's de-duplication was bypassed
            consumer.addRecord(record(2, request("r2", 1)));
        });
        consumer.schedulePollTask(() -> clock.advance(Duration.ofSeconds(2)));
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(applied).containsExactly(List.of("r1", "r2"));
        List<RecordingProducer.Transaction> withRecords = producer.committed.stream().filter(t -> !t.records().isEmpty()).toList();
        assertThat(withRecords).as("one transaction publishes; the others only move offsets").hasSize(1);
        RecordingProducer.Transaction tx = withRecords.get(0);
        assertThat(versionsIn(tx)).singleElement().satisfies(v -> assertThat(v.getAppliedRequestIds()).containsExactly("r1", "r2"));
        assertThat(statusesIn(tx)).filteredOn(st -> st.getRequestId().equals("r1")).extracting(RequestStatus::getState)
                .containsExactly(RequestState.BATCHED, RequestState.APPLIED);
        assertThat(tx.offsets()).as("past the duplicate too").isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
        assertThat(meters.counter("unlearn.worker.duplicates", "why", "pending").count()).isEqualTo(1.0);
    }

    @Test
    void aDuplicateReadAfterItsBatchWasPublishedIsDroppedBeforeAnyCatchUpRecordsIt() {
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, request("r1", 1)));
        });
        consumer.schedulePollTask(() -> consumer.addRecord(record(1, request("r1", 1))));
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(applied).containsExactly(List.of("r1"));
        assertThat(producer.committed).hasSize(2);
        assertThat(producer.committed.get(1).records()).as("only the offset moves on").isEmpty();
        assertThat(producer.committed.get(1).offsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
        assertThat(meters.counter("unlearn.worker.duplicates", "why", "applied").count()).isEqualTo(1.0);
    }

    @Test
    void afterARestartARequestAWorkerAlreadyFailedOrAcknowledgedIsNotTakenAgain() {
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000));
        for (String id : List.of("failed", "forgotten")) { // no version lists either: only their statuses tell
            feed.statuses.add(RequestStatus.newBuilder().setRequestId(id).setKind(RequestKind.DELETION).setState(RequestState.BATCHED)
                    .setModelId("m").setEmittedBy("unlearn-worker").setOccurredAt(T0).build());
        }
        feed.statuses.add(RequestStatus.newBuilder().setRequestId("waited").setKind(RequestKind.DELETION).setState(RequestState.ACCEPTED)
                .setModelId("m").setEmittedBy("unlearn-worker").setReason("waiting for a first version").setOccurredAt(T0).build());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, request("failed", 1)));
            consumer.addRecord(record(1, request("forgotten", 1)));
            consumer.addRecord(record(2, request("waited", 1)));
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        assertThat(applied).as("a repeated ACCEPTED is a note, not a worker's decision").containsExactly(List.of("waited"));
        assertThat(meters.counter("unlearn.worker.duplicates", "why", "settled").count()).isEqualTo(2.0);
    }

    @Test
    void everyVersionTheLoopPublishesIsSignedWithTheWorkersKey() {
        WorkerLoop loop = loop(new PendingBatches(1, 1000, 60_000));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(record(0, request("r1", 1)));
        });
        consumer.schedulePollTask(loop::close);

        loop.run();

        ModelVersion v = versionsIn(producer.committed.get(0)).get(0);
        assertThat(io.unlearn.schemas.EventSignatures.verify(v, io.unlearn.schemas.TrustedKeys.of(List.of(keys.getPublic()))))
                .isEqualTo(io.unlearn.schemas.EventSignatures.Check.VALID);
    }

    private List<ModelVersion> versionsIn(RecordingProducer.Transaction tx) {
        var versions = EventSerdes.serde(ModelVersion.class, registry).deserializer();
        return tx.records().stream().filter(r -> r.topic().equals(Topics.MODEL_VERSIONS.name()))
                .map(r -> versions.deserialize(r.topic(), r.value())).toList();
    }

    private WorkerLoop loop(PendingBatches pending) {
        return loop(pending, Duration.ZERO);
    }

    private WorkerLoop loop(PendingBatches pending, Duration modelWait) {
        consumer.updatePartitions(TOPIC, IntStream.range(0, 2).mapToObj(p -> new PartitionInfo(TOPIC, p, Node.noNode(), null, null)).toList());
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        Unlearning engine = new Unlearning() {
            @Override
            public BatchOutcome apply(ModelVersion head, String method, List<AcceptedRequest> requests, Set<String> alreadyForgotten,
                                      io.unlearn.ml.ProgressListener progress) {
                applied.add(requests.stream().map(AcceptedRequest::getRequestId).toList());
                methods.add(method);
                List<String> samples = requests.stream().flatMap(r -> r.getSampleIds().stream()).toList();
                return new BatchOutcome.Published(ModelVersion.newBuilder(version(head.getVersion() + 1, ModelVersionKind.UNLEARNED,
                        requests.stream().map(AcceptedRequest::getRequestId).sorted().toList())).setParentVersionId(head.getVersionId())
                        .setMethod(method).build(), samples);
            }

            @Override
            public BatchOutcome reapply(ModelVersion parent, String method, List<String> requestIds, Set<String> forgetSet,
                                        Set<String> alreadyForgotten, io.unlearn.ml.ProgressListener progress) {
                reapplied.add(requestIds);
                if (failReapply) {
                    return new BatchOutcome.Failed("the engine broke");
                }
                return new BatchOutcome.Published(ModelVersion.newBuilder(version(parent.getVersion() + 1, ModelVersionKind.UNLEARNED,
                        requestIds)).setParentVersionId(parent.getVersionId()).setMethod(method).build(), List.copyOf(forgetSet));
            }

            @Override
            public BatchOutcome consolidate(ModelVersion head, Set<String> forgotten, io.unlearn.ml.ProgressListener progress) {
                throw new AssertionError("no consolidation is configured");
            }
        };
        return new WorkerLoop(consumer, producer, registry, signer, feed, engine, null,
                new VersionFollowUps(engine, null, 0, Duration.ZERO),
                new Escalations(new EscalationPlanner(new EscalationLadder("stub", List.of("next"))), engine, clock), pending, new FirstVersionWait(modelWait), clock,
                meters);
    }

    /** The topics as the loop would read them: model "m" has its BASE version unless a test removes it; more may follow. */
    private static final class StubFeed implements HeadsFeed {
        final Set<String> models = new java.util.HashSet<>(Set.of("m"));
        final List<ModelVersion> extra = new ArrayList<>();
        final List<io.unlearn.events.EvaluationReport> reports = new ArrayList<>();
        final List<RequestStatus> statuses = new ArrayList<>();
        int reportsRead;
        int statusesRead;
        int catchUps;
        boolean closed;

        @Override
        public void catchUp(ModelHeads heads) {
            catchUps++;
            if (models.contains("m")) {
                heads.onVersion(version(1, ModelVersionKind.BASE, List.of()));
                extra.forEach(heads::onVersion);
            }
            reports.subList(reportsRead, reports.size()).forEach(heads::onReport); // like a topic tail: each record once
            statuses.subList(statusesRead, statuses.size()).forEach(heads::onStatus);
            reportsRead = reports.size();
            statusesRead = statuses.size();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private ConsumerRecord<String, byte[]> record(long offset, AcceptedRequest r) {
        return new ConsumerRecord<>(TOPIC, 0, offset, r.getModelId(), EventSerdes.serde(AcceptedRequest.class, registry).serializer()
                .serialize(TOPIC, r));
    }

    private static AcceptedRequest request(String id, int samples) {
        return AcceptedRequest.newBuilder().setRequestId(id).setKind(RequestKind.DELETION).setModelId("m").setRequester("t")
                .setSampleIds(IntStream.range(0, samples).mapToObj(i -> id + "-s" + i).toList()).setLegalBasis(LegalBasis.GDPR_ART_17)
                .setReceivedAt(T0).setAcceptedAt(T0).setDeadline(T0.plusSeconds(3600)).build();
    }

    private static ModelVersion version(long n, ModelVersionKind kind, List<String> requests) {
        return ModelVersion.newBuilder().setModelId("m").setVersion(n).setVersionId("m@v" + n)
                .setParentVersionId(n == 1 ? null : "m@v" + (n - 1)).setKind(kind).setMethod("stub").setArtifactUri("file:/x/")
                .setArtifactSha256(SHA).setAppliedRequestIds(requests).setLineageHash(SHA).setCreatedAt(T0).build();
    }

    private List<RequestState> statesIn(RecordingProducer.Transaction tx) {
        return statusesIn(tx).stream().map(RequestStatus::getState).toList();
    }

    private List<RequestStatus> statusesIn(RecordingProducer.Transaction tx) {
        var statuses = EventSerdes.serde(RequestStatus.class, registry).deserializer();
        return tx.records().stream().filter(r -> r.topic().equals(Topics.REQUEST_STATUS.name()))
                .map(r -> statuses.deserialize(r.topic(), r.value())).toList();
    }

    private static String header(RecordingProducer.Transaction tx, String name) {
        return new String(tx.records().get(0).headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
