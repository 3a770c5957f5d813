package io.unlearn.evaluator.internals;

import io.micrometer.core.instrument.MeterRegistry;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestStatus;
import io.unlearn.runtime.ServiceLoop;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume → evaluate → publish loop, one thread. For each version record: catch the state up (versions,
 * forgotten samples, reports: {@link StateFeed}), skip it when its basic report exists (a replayed event), otherwise
 * evaluate it and publish the report, the requests' statuses and the offset in one transaction; then queue its
 * challenge. Finished challenges are published from this thread too. Unreadable records go to the dead-letter topic
 * with their offset. A record or a finished challenge of a partition revoked meanwhile is left to the partition's
 * new owner: nothing is published for it and its offset is not committed. Built on the {@link Consumer} /
 * {@link Producer} interfaces and given its collaborators, so that it runs on mocks in tests.
 */
public final class EvaluatorLoop implements ServiceLoop {
    private static final Logger log = LoggerFactory.getLogger(EvaluatorLoop.class);
    /** How long a version waits for its ForgottenSample records to become readable (see {@link #awaitForgetSet}). */
    static final Duration FORGET_SET_WAIT = Duration.ofSeconds(5);
    private final Consumer<String, byte[]> consumer;
    private final ReportPublisher publisher;
    private final Deserializer<ModelVersion> versions;
    private final EvaluatorState state = new EvaluatorState();
    private final StateFeed feed;
    private final VersionJudge evaluator;
    private final ChallengeRunner challenges;
    private final EvaluatorMetrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Clock clock;
    private volatile boolean stale = true;

    /** @param challenger runs worst-case challenges in the background; null when they are off */
    public EvaluatorLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, SchemaRegistryClient registry,
                         io.unlearn.runtime.EventSigner signer, StateFeed feed, VersionJudge evaluator, Challenger challenger,
                         MeterRegistry meters, Clock clock) {
        this(consumer, producer, registry, signer, feed, evaluator, challenger, 3, Duration.ofSeconds(30), meters, clock);
    }

    /**
     * @param signer     signs every report published (the evaluator's Ed25519 key)
     * @param challenger runs worst-case challenges in the background; null when they are off
     * @param challengeAttempts attempts per challenge before a report with verdict UNKNOWN is published
     * @param challengeBackoff the wait before a challenge's second attempt (doubling after)
     */
    public EvaluatorLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, SchemaRegistryClient registry,
                         io.unlearn.runtime.EventSigner signer, StateFeed feed, VersionJudge evaluator, Challenger challenger,
                         int challengeAttempts, Duration challengeBackoff,
                         MeterRegistry meters, Clock clock) {
        this.consumer = consumer;
        this.publisher = new ReportPublisher(producer, consumer, registry, signer, clock);
        this.versions = EventSerdes.serde(ModelVersion.class, registry).deserializer();
        this.evaluator = evaluator;
        ChallengeRunner[] runner = new ChallengeRunner[1];
        this.metrics = new EvaluatorMetrics(meters, () -> runner[0] == null ? 0 : runner[0].pendingCount());
        this.challenges = challenger == null ? null : new ChallengeRunner(challenger, metrics,
                new ChallengeRunner.Retries(challengeAttempts, challengeBackoff), clock);
        runner[0] = challenges;
        this.feed = feed;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            publisher.init();
            consumer.subscribe(List.of(Topics.MODEL_VERSIONS.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    log.info(io.unlearn.runtime.GroupAssignment.line(consumer));
                    stale = true;
                }
            });
            while (!closed.get()) {
                var records = consumer.poll(Duration.ofMillis(250));
                if (stale && !consumer.assignment().isEmpty()) {
                    catchUp();
                    resumeChallenges();
                    stale = false;
                    ready.countDown();
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (consumer.assignment().contains(new TopicPartition(r.topic(), r.partition()))) {
                        handle(r);
                    } else {
                        log.info("{}-{}@{} not handled: the partition was revoked since the poll; its new owner reads it",
                                r.topic(), r.partition(), r.offset());
                    }
                }
                publishFinishedChallenges();
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                throw e;
            }
        } finally {
            if (challenges != null) {
                challenges.close();
            }
            feed.close();
            consumer.close(Duration.ofSeconds(5));
            publisher.close();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        Map<TopicPartition, OffsetAndMetadata> offset = Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        ModelVersion v;
        try {
            v = versions.deserialize(r.topic(), r.value());
        } catch (SerializationException e) {
            log.error("Unreadable model version {}-{}@{} (key {}), dead-lettered, not evaluated: {}", r.topic(), r.partition(), r.offset(),
                    r.key(), e.getMessage());
            publisher.deadLetter(r, e, offset);
            metrics.skipped("unreadable");
            return;
        }
        if (v == null) {
            log.warn("Empty record {}-{}@{} (key {}) on the versions topic: no version to evaluate, skipped", r.topic(), r.partition(), r.offset(), r.key());
            publisher.commit(offset);
            metrics.skipped("empty");
            return;
        }
        catchUp();
        state.onVersion(v, r.partition());
        if (state.basicReport(v.getVersionId()).isPresent()) {
            log.info("{}: already reported (replayed version event at {}-{}@{}); no second report", v.getVersionId(), r.topic(), r.partition(), r.offset());
            publisher.commit(offset);
            metrics.skipped("already-reported");
            queueChallenge(v);
            return;
        }
        if (state.isSuperseded(v.getVersionId())) {
            // the worker already re-applied its requests in a later version: statuses from this one would race that
            // version's (e.g. FAILED for a request it is about to certify), and its forgotten samples now belong to it
            EvaluationReport report = Reports.notJudged(v, "a later version supersedes it (the worker re-applied its requests"
                    + " with a stronger method on the last certified version); that version's report decides its requests", clock.instant());
            publisher.reportOnly(report, offset);
            state.onReport(report);
            metrics.skipped("superseded");
            log.info("{}: superseded before it was judged; its requests are decided by the version that supersedes it", v.getVersionId());
            return;
        }
        awaitForgetSet(v);
        long started = System.nanoTime();
        log.info("{}: evaluating ({} by {}, {} request(s))", v.getVersionId(), v.getKind(), v.getMethod(), v.getAppliedRequestIds().size());
        EvaluationReport report = evaluator.evaluate(v, state);
        List<RequestStatus> statuses = unsettled(Reports.basicStatuses(report, state.awaitingEvidenceBefore(v), clock.instant()));
        publisher.basic(report, statuses, offset);
        state.onReport(report);
        statuses.forEach(state::onStatus);
        metrics.basicPublished(report, System.nanoTime() - started);
        log.info("{}: {} in {} ms{}", v.getVersionId(), report.getVerdict(), (System.nanoTime() - started) / 1_000_000,
                report.getFailingCriteria().isEmpty() ? "" : " — " + String.join("; ", report.getFailingCriteria()));
        queueChallenge(v);
    }

    private void queueChallenge(ModelVersion v) {
        if (challenges == null || v.getKind() != ModelVersionKind.UNLEARNED || state.challengeReported(v.getVersionId())
                || challenges.isPending(v.getVersionId())) {
            return;
        }
        EvaluationReport basic = state.basicReport(v.getVersionId()).orElse(null);
        ModelVersion parent = state.version(v.getParentVersionId()).orElse(null);
        if (basic == null || !Reports.challengeBinds(basic) || parent == null) {
            return; // rejected already, refused or not judged: a challenge would change nothing
        }
        if (state.isSuperseded(v.getVersionId())) {
            log.info("{}: no worst-case challenge: a later version supersedes it", v.getVersionId());
            return;
        }
        challenges.submit(new Challenger.Job(v, parent, state.cumulativeForgetSet(parent), basic));
    }

    /** After a restart or rebalance: challenges of owned versions whose basic report went out but whose challenge did not. */
    private void resumeChallenges() {
        List<Integer> owned = consumer.assignment().stream().map(TopicPartition::partition).toList();
        state.challengesDue(owned).forEach(this::queueChallenge);
    }

    private void publishFinishedChallenges() {
        if (challenges == null) {
            return;
        }
        for (ChallengeRunner.Finished f : challenges.drain()) {
            String id = f.report().getVersionId();
            catchUp();
            if (!owned(id)) {
                log.info("{}: worst-case challenge not published: its partition was revoked; the new owner challenges it", id);
            } else if (!state.challengeReported(id)) {
                publishChallenge(f);
            }
            challenges.published(id);
        }
    }

    /**
     * Publishes a challenge report; when it rejected a version whose basic report awaited evidence, the version's requests go to
     * ESCALATING in the same transaction, unless they are no longer the version's to decide: a later version decided them
     * (VERIFIED is final) or a later version supersedes it (the worker re-applied them and that version's report decides
     * them). Both are read from the state the loop caught up just before. VERIFIED requests of a CERTIFIED version are final
     * and stay so.
     */
    private void publishChallenge(ChallengeRunner.Finished f) {
        EvaluationReport report = f.report();
        EvaluationReport basic = state.basicReport(report.getVersionId()).orElseThrow();
        ModelVersion v = state.version(report.getVersionId()).orElseThrow();
        boolean escalate = Reports.rejectedByChallenge(report, basic) && Reports.awaitsEvidence(basic)
                && !state.isSuperseded(v.getVersionId()) && !state.decidedLater(v);
        List<RequestStatus> statuses = !escalate ? List.of() : unsettled(report.getAppliedRequestIds().stream()
                .map(r -> Reports.escalatedByChallenge(report, r, clock.instant())).toList());
        publisher.challenge(report, statuses);
        state.onReport(report);
        statuses.forEach(state::onStatus);
        metrics.challengePublished(report, f.nanos());
        log.info("{}: worst-case challenge {} on a {} set (Avg. Gap to Retrain {}), report {}{}", report.getVersionId(),
                report.getWorstCase().getVerdict(), report.getWorstCase().getSetKind(), report.getWorstCase().getAvgGap(), report.getVerdict(),
                statuses.isEmpty() ? "" : ", " + statuses.size() + " request(s) ESCALATING");
    }

    /**
     * The statuses whose request is not final yet: a request already VERIFIED (or FAILED) keeps that state even when a later
     * version re-applies it (an escalation after a CERTIFIED version's challenge failed), and its report says nothing for it.
     */
    private List<RequestStatus> unsettled(List<RequestStatus> statuses) {
        List<RequestStatus> out = statuses.stream().filter(s -> !state.settled(s.getRequestId())).toList();
        if (out.size() < statuses.size()) {
            log.info("{}: no status for {} request(s) already final", statuses.get(0).getVersionId(), statuses.size() - out.size());
        }
        return out;
    }

    private boolean owned(String versionId) {
        return state.partition(versionId).map(p -> consumer.assignment().contains(new TopicPartition(Topics.MODEL_VERSIONS.name(), p)))
                .orElse(false);
    }

    private void catchUp() {
        feed.catchUp(state);
    }

    /**
     * The worker publishes a version and its ForgottenSample records in one transaction, but the commit markers reach the
     * catalogue's partitions independently, so a catch-up right after the version may stop short of some of them: catch up
     * again until the catalogue holds the {@code forgetSetSize} samples the version forgot, for at most
     * {@link #FORGET_SET_WAIT}. A set still short after that is refused by the evaluation (never judged on part of it).
     */
    private void awaitForgetSet(ModelVersion v) {
        long deadline = System.nanoTime() + FORGET_SET_WAIT.toNanos();
        while (v.getKind() == ModelVersionKind.UNLEARNED && state.forgottenBy(v).size() < v.getForgetSetSize()
                && System.nanoTime() < deadline && !closed.get()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catchUp();
        }
    }

    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed.set(true);
        consumer.wakeup();
    }
}
