package io.unlearn.evaluator.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unlearn.evaluator.ChallengeJudgement;
import io.unlearn.events.ChallengeVerdict;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgettingEvidence;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import io.unlearn.events.WorstCaseChallenge;
import io.unlearn.runtime.testing.RecordingProducer;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The challenge's side of the evaluator loop on MockConsumer / MockProducer with stub judge and challenger: a failed
 * challenge binds (REJECTED, {@code worst-case:} lines; requests that awaited evidence go to ESCALATING, VERIFIED ones stay),
 * a passed one changes nothing, and a challenger that throws is retried and finally reported UNKNOWN with its attempts.
 */
class ChallengeLoopTest {
    private static final String TOPIC = Topics.MODEL_VERSIONS.name();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    private static final String SHA = "a".repeat(64);

    private final SchemaRegistryClient registry = SchemaRegistryClient.inMemory();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final RecordingProducer producer = new RecordingProducer();
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aFailedChallengeRejectsAVersionThatAwaitedEvidenceAndEscalatesItsRequests() {
        EvaluationReport challenge = runLoop(Verdict.INCONCLUSIVE, job -> challengeReport(job, ChallengeVerdict.CHALLENGE_FAILED), 2);

        assertThat(challenge.getVerdict()).isEqualTo(Verdict.REJECTED);
        assertThat(challenge.getFailingCriteria()).containsExactly("worst-case: membership advantage beyond Retrain's");
        assertThat(challenge.getWorstCase().getVerdict()).isEqualTo(ChallengeVerdict.CHALLENGE_FAILED);
        List<RequestStatus> statuses = statusesIn(producer.committed.get(2));
        assertThat(statuses).extracting(RequestStatus::getState).containsExactly(RequestState.ESCALATING, RequestState.ESCALATING);
        assertThat(statuses.get(0).getReason()).startsWith("version m@v2 REJECTED: worst-case: membership advantage beyond Retrain's; "
                + "the worker re-applies the request with a stronger method on the last certified version");
    }

    @Test
    void aFailedChallengeOfAVersionALaterOneAlreadyDecidedMovesNoRequest() {
        ModelVersion v3 = version(3, ModelVersionKind.UNLEARNED, List.of("r3"));
        runLoop(v -> v.getVersion() == 2 ? Verdict.INCONCLUSIVE : Verdict.CERTIFIED, failingV2After(3), 1, List.of(v3), 5);

        assertThat(statusesIn(producer.committed.get(2))).as("v3 CERTIFIED decides v2's awaiting requests")
                .extracting(RequestStatus::getRequestId, RequestStatus::getState)
                .contains(org.assertj.core.groups.Tuple.tuple("r1", RequestState.VERIFIED), org.assertj.core.groups.Tuple.tuple("r2", RequestState.VERIFIED));
        RecordingProducer.Transaction challenge = challengeOfV2();
        assertThat(reportIn(challenge).getVerdict()).isEqualTo(Verdict.REJECTED);
        assertThat(statusesIn(challenge)).as("VERIFIED is final: v2's late challenge moves nothing").isEmpty();
    }

    @Test
    void aFailedChallengeOfAVersionALaterOneSupersedesLeavesItsRequestsToTheSupersedingVersion() {
        ModelVersion v3 = ModelVersion.newBuilder(version(3, ModelVersionKind.UNLEARNED, List.of("r1", "r2"))).setParentVersionId("m@v1")
                .setSupersedes(List.of("m@v2")).build(); // the worker rebuilt v2's lineage for another reason
        runLoop(v -> Verdict.INCONCLUSIVE, failingV2After(3), 1, List.of(v3), 5);

        RecordingProducer.Transaction challenge = challengeOfV2();
        assertThat(reportIn(challenge).getVerdict()).isEqualTo(Verdict.REJECTED);
        assertThat(statusesIn(challenge)).as("v3 re-applied r1 and r2: its report decides them, not v2's challenge").isEmpty();
    }

    @Test
    void aVersionReapplyingVerifiedRequestsDecidesOnlyTheOthers() {
        // v2 CERTIFIED verifies r1 and r2, its challenge fails; the worker's escalation v3 re-applies them with r3 and is INCONCLUSIVE
        ModelVersion v3 = ModelVersion.newBuilder(version(3, ModelVersionKind.UNLEARNED, List.of("r1", "r2", "r3"))).setParentVersionId("m@v1")
                .setSupersedes(List.of("m@v2")).build();
        runLoop(v -> v.getVersion() == 2 ? Verdict.CERTIFIED : Verdict.INCONCLUSIVE, failingV2After(0), 1, List.of(v3), 5);

        RecordingProducer.Transaction basicOfV3 = producer.committed.stream()
                .filter(tx -> reportIn(tx).getVersionId().equals("m@v3") && reportIn(tx).getWorstCase() == null).findFirst().orElseThrow();
        assertThat(statusesIn(basicOfV3)).as("r1 and r2 stay VERIFIED (final); only r3 awaits evidence")
                .extracting(RequestStatus::getRequestId, RequestStatus::getState)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r3", RequestState.AWAITING_EVIDENCE));
    }

    @Test
    void aFailedChallengeRejectsACertifiedVersionButItsVerifiedRequestsStayFinal() {
        EvaluationReport challenge = runLoop(Verdict.CERTIFIED, job -> challengeReport(job, ChallengeVerdict.CHALLENGE_FAILED), 2);

        assertThat(challenge.getVerdict()).isEqualTo(Verdict.REJECTED);
        assertThat(statusesIn(producer.committed.get(1))).extracting(RequestStatus::getState)
                .containsExactly(RequestState.VERIFIED, RequestState.VERIFIED);
        assertThat(statusesIn(producer.committed.get(2))).as("VERIFIED is final: no status moves").isEmpty();
    }

    @Test
    void aPassedChallengeKeepsTheBasicVerdict() {
        EvaluationReport challenge = runLoop(Verdict.CERTIFIED, job -> challengeReport(job, ChallengeVerdict.CHALLENGE_PASSED), 2);

        assertThat(challenge.getVerdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(challenge.getFailingCriteria()).isEmpty();
        assertThat(challenge.getWorstCase().getPassed()).isTrue();
    }

    @Test
    void aChallengerThatKeepsThrowingIsRetriedThenReportedUnknownWithTheBasicVerdictUnchanged() {
        EvaluationReport challenge = runLoop(Verdict.CERTIFIED, job -> {
            throw new IllegalStateException("artifact store unreachable (attempt " + job.attempt() + ")");
        }, 3);

        assertThat(attempts).hasValue(3);
        assertThat(challenge.getVerdict()).isEqualTo(Verdict.CERTIFIED);
        WorstCaseChallenge wc = challenge.getWorstCase();
        assertThat(wc.getVerdict()).isEqualTo(ChallengeVerdict.UNKNOWN);
        assertThat(wc.getAttempts()).isEqualTo(3);
        assertThat(wc.getPassed()).isFalse();
        assertThat(wc.getReasons()).singleElement().asString().contains("could not run in 3 attempt(s)")
                .contains("artifact store unreachable (attempt 3)").contains("the basic verdict stands");
        assertThat(statusesIn(producer.committed.get(2))).isEmpty();
    }

    @Test
    void aChallengerThatThrowsOnceIsRetriedAndItsReportCountsTheAttempts() {
        EvaluationReport challenge = runLoop(Verdict.CERTIFIED, job -> {
            if (job.attempt() == 1) {
                throw new IllegalStateException("transient");
            }
            return challengeReport(job, ChallengeVerdict.CHALLENGE_PASSED);
        }, 3);

        assertThat(attempts).hasValue(2);
        assertThat(challenge.getWorstCase().getAttempts()).isEqualTo(2);
        assertThat(challenge.getWorstCase().getVerdict()).isEqualTo(ChallengeVerdict.CHALLENGE_PASSED);
    }

    /** v1 (BASE) and v2 (UNLEARNED, r1 and r2) judged by a stub giving v2 {@code basic}; returns the published challenge report. */
    private EvaluationReport runLoop(Verdict basic, Challenger challenger, int maxAttempts) {
        runLoop(v -> basic, challenger, maxAttempts, List.of(), 3);
        assertThat(producer.committed).as("two basic reports and one challenge report").hasSize(3);
        return reportIn(producer.committed.get(2));
    }

    /**
     * v1 (BASE), v2 (UNLEARNED, r1 and r2) and then {@code later}, judged by a stub giving each UNLEARNED version {@code basic};
     * runs until {@code transactions} were committed.
     */
    private void runLoop(java.util.function.Function<ModelVersion, Verdict> basic, Challenger challenger, int maxAttempts,
                         List<ModelVersion> later, int transactions) {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        StateFeed nothing = new StateFeed() {
            @Override
            public void catchUp(EvaluatorState state) {
            }

            @Override
            public void close() {
            }
        };
        VersionJudge judge = (v, state) -> basicReport(v, v.getKind() == ModelVersionKind.BASE ? Verdict.CERTIFIED : basic.apply(v));
        Challenger counting = job -> {
            attempts.incrementAndGet();
            return challenger.run(job);
        };
        EvaluatorLoop loop = new EvaluatorLoop(consumer, producer, registry, io.unlearn.runtime.EventSigner.of(io.unlearn.schemas.SigningKeys.generate()), nothing, judge, counting, maxAttempts, Duration.ofMillis(10),
                new SimpleMeterRegistry(), Clock.fixed(T0, ZoneOffset.UTC));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.addRecord(record(0, version(1, ModelVersionKind.BASE, List.of())));
            consumer.addRecord(record(1, version(2, ModelVersionKind.UNLEARNED, List.of("r1", "r2"))));
        });
        for (int i = 0; i < later.size(); i++) {
            ConsumerRecord<String, byte[]> r = record(2 + i, later.get(i));
            consumer.schedulePollTask(() -> consumer.addRecord(r));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        awaitTransactions(loop, transactions, deadline);
        loop.run();
    }

    private EvaluationReport reportIn(RecordingProducer.Transaction tx) {
        var reports = EventSerdes.serde(EvaluationReport.class, registry).deserializer();
        return reports.deserialize(Topics.EVALUATION_REPORTS.name(), tx.records().get(0).value());
    }

    /** The transaction that published v2's challenge report. */
    private RecordingProducer.Transaction challengeOfV2() {
        return producer.committed.stream().filter(tx -> {
            EvaluationReport r = reportIn(tx);
            return r.getVersionId().equals("m@v2") && r.getWorstCase() != null;
        }).findFirst().orElseThrow();
    }

    /** A challenger that fails v2 once {@code n} transactions were committed (later versions judged first), and passes others. */
    private Challenger failingV2After(int n) {
        return job -> {
            if (!job.version().getVersionId().equals("m@v2")) {
                return challengeReport(job, ChallengeVerdict.CHALLENGE_PASSED);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (producer.committed.size() < n && System.nanoTime() < deadline) {
                sleep();
            }
            return challengeReport(job, ChallengeVerdict.CHALLENGE_FAILED);
        };
    }

    /** Polls on until {@code n} transactions were committed (the challenge runs on its own thread), then closes the loop. */
    private void awaitTransactions(EvaluatorLoop loop, int n, long deadline) {
        consumer.schedulePollTask(() -> {
            if (producer.committed.size() >= n || System.nanoTime() > deadline) {
                loop.close();
            } else {
                sleep();
                awaitTransactions(loop, n, deadline);
            }
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EvaluationReport basicReport(ModelVersion v, Verdict verdict) {
        ForgettingEvidence e = v.getKind() == ModelVersionKind.BASE ? null : ForgettingEvidence.newBuilder().setTolerance(10)
                .setForgetSetSize(100).setNonMemberSize(5000).setTests(List.of()).setDecision(verdict).build();
        return EvaluationReport.newBuilder().setVersionId(v.getVersionId()).setModelId("m").setVersion(v.getVersion()).setKind(v.getKind())
                .setMethod(v.getMethod()).setAppliedRequestIds(v.getAppliedRequestIds()).setVerdict(verdict).setForgetting(e)
                .setTestAccuracy(88.0).setFailingCriteria(verdict == Verdict.CERTIFIED ? List.of() : List.of("too few samples"))
                .setEvaluatedAt(T0).build();
    }

    private static EvaluationReport challengeReport(Challenger.Job job, ChallengeVerdict verdict) {
        List<String> reasons = List.of(verdict == ChallengeVerdict.CHALLENGE_FAILED ? "membership advantage beyond Retrain's" : "within");
        WorstCaseChallenge wc = WorstCaseChallenge.newBuilder().setForgetSetSize(100).setCandidatePoolSize(400).setForgetSetDigest("d")
                .setOuterSteps(3).setInnerSteps(2).setSeed(7).setPassed(verdict == ChallengeVerdict.CHALLENGE_PASSED).setVerdict(verdict)
                .setReasons(reasons).setAttempts(job.attempt()).setSetKind("worst").build();
        return Reports.challenge(job.basic(), wc, new ChallengeJudgement(verdict, reasons, Map.of()), T0);
    }

    private ConsumerRecord<String, byte[]> record(long offset, ModelVersion v) {
        return new ConsumerRecord<>(TOPIC, 0, offset, v.getModelId(), EventSerdes.serde(ModelVersion.class, registry).serializer().serialize(TOPIC, v));
    }

    private static ModelVersion version(long n, ModelVersionKind kind, List<String> requests) {
        return ModelVersion.newBuilder().setModelId("m").setVersion(n).setVersionId("m@v" + n).setParentVersionId(n == 1 ? null : "m@v" + (n - 1))
                .setKind(kind).setMethod(kind == ModelVersionKind.BASE ? "train" : "rl").setArtifactUri("file:/x/").setArtifactSha256(SHA)
                .setAppliedRequestIds(requests).setLineageHash(SHA).setCreatedAt(T0).setForgetSetSize(0) // no ForgottenSample wait (EvaluatorLoop.FORGET_SET_WAIT): the stubs need no forget set
                .build();
    }

    private List<RequestStatus> statusesIn(RecordingProducer.Transaction tx) {
        var statuses = EventSerdes.serde(RequestStatus.class, registry).deserializer();
        return tx.records().stream().filter(r -> r.topic().equals(Topics.REQUEST_STATUS.name()))
                .map(r -> statuses.deserialize(r.topic(), r.value())).toList();
    }
}
