package io.unlearn.worker.internals;

import io.micrometer.core.instrument.MeterRegistry;
import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestKind;
import io.unlearn.events.RequestState;
import io.unlearn.runtime.ServiceLoop;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume → apply → publish loop, one thread. Accepted requests are batched per model in
 * {@link PendingBatches}; each due batch is applied by {@link Unlearning} (deletions) or {@link ConceptRemoval}
 * (concepts) and published by {@link BatchPublisher} in one transaction with the consumed offsets. What the worker
 * knows of the models ({@link ModelHeads}) is caught up from the topics ({@link HeadsFeed}) at every assignment and
 * before every round of batch decisions, so a version published by anyone since (a BASE from {@code unlearn models
 * train}, a former owner's) is seen before a batch is built on a head. A batch whose model still has no version waits
 * ({@link FirstVersionWait}) instead of failing at once. The worker de-duplicates by requestId itself (defence in depth
 * behind ingest's de-duplication): a request some committed version already applied, that a worker already took
 * (a status past ACCEPTED: BATCHED, APPLIED, FAILED, ...) or that is already pending is dropped, logged and counted
 * ({@code unlearn.worker.duplicates{why}}), so a batch re-read after a crash, or the same accepted record published twice,
 * is applied once; an unreadable request is dead-lettered with the offsets. A
 * partition revoked before its batch is published loses the batch (the new owner re-reads it) and no offset past it
 * is committed. Any Kafka error inside a transaction ends the loop; restarting resumes from the last commit. Built on
 * the {@link Consumer} / {@link Producer} interfaces and given every collaborator, so that it runs on mocks in tests.
 * The state is caught up at least every {@link #CATCH_UP_EVERY} too, and before any batch is decided the
 * {@link Escalations} due for the owned models run: a REJECTED version is superseded (or its requests FAILED) before
 * anything more is built, and each batch uses the method the model's escalation ladder names now.
 */
public final class WorkerLoop implements ServiceLoop {
    private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);
    /** How often the loop catches up with the topics when no batch is due, to see verdicts that ask for an escalation. */
    static final Duration CATCH_UP_EVERY = Duration.ofSeconds(2);
    private final Consumer<String, byte[]> consumer;
    private final BatchPublisher publisher;
    private final HeadsFeed feed;
    private final FirstVersionWait firstVersion;
    private final Unlearning runner;
    private final PendingBatches pending;
    private final Deserializer<AcceptedRequest> requests;
    private final Clock clock;
    private final WorkerMetrics metrics;
    private final ConceptRemoval concepts;
    private final VersionFollowUps followUps;
    private final Escalations escalations;
    private Instant lastCatchUp = Instant.MIN;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ModelHeads heads = new ModelHeads();
    private volatile boolean stale = true;
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

    /**
     * @param signer       signs every version published (the worker's Ed25519 key)
     * @param feed         the models' state (versions, forgotten samples) committed by anyone; closed with the loop
     * @param followUps    the versions due on their own (consolidation, re-suppression), over the same runners
     * @param escalations  what a REJECTED version asks (re-application with a stronger method, or FAILED), and the
     *                     method new batches use
     * @param firstVersion how long a batch waits for its model's first version
     */
    public WorkerLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, SchemaRegistryClient registry,
                      io.unlearn.runtime.EventSigner signer, HeadsFeed feed, Unlearning runner, ConceptRemoval concepts, VersionFollowUps followUps, Escalations escalations,
                      PendingBatches pending, FirstVersionWait firstVersion, Clock clock, MeterRegistry meters) {
        this.concepts = concepts;
        this.followUps = followUps;
        this.escalations = escalations;
        this.consumer = consumer;
        this.publisher = new BatchPublisher(producer, consumer, registry, signer, clock);
        this.feed = feed;
        this.firstVersion = firstVersion;
        this.runner = runner;
        this.pending = pending;
        this.requests = EventSerdes.serde(AcceptedRequest.class, registry).deserializer();
        this.clock = clock;
        this.metrics = new WorkerMetrics(meters);
    }

    @Override
    public void run() {
        publisher.init();
        consumer.subscribe(List.of(Topics.ACCEPTED_REQUESTS.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    log.info("Partitions revoked: {} (their pending batches are dropped; the next owner re-reads them)", partitions);
                }
                pending.revoke(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // One line per rebalance this member took part in: the scale-out benchmark and the chaos tests count them.
                log.info(io.unlearn.runtime.GroupAssignment.line(consumer));
                metrics.assigned();
                stale = true;
            }
        });
        try {
            while (!closed.get()) {
                var records = consumer.poll(Duration.ofMillis(250));
                if (stale && !consumer.assignment().isEmpty()) {
                    catchUp();
                    stale = false;
                    ready.countDown();
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    accept(r);
                }
                List<PendingBatches.Batch> due = pending.takeDue(clock.instant());
                if (!due.isEmpty() || (!stale && !clock.instant().isBefore(lastCatchUp.plus(CATCH_UP_EVERY)))) {
                    catchUp(); // decide on the heads and verdicts as committed now, whoever published them
                }
                if (!stale) {
                    ownedModels().forEach(m -> escalations.run(m, heads, publisher)); // before any batch builds on a head
                }
                for (PendingBatches.Batch batch : due) {
                    apply(batch);
                }
                if (!stale) {
                    ownedModels().forEach(m -> followUps.run(m, heads, clock.instant(), publisher::publishVersion));
                }
                publisher.commitOffsetsIfMoved(pending.committable());
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            publisher.close();
            feed.close();
        }
    }

    private void catchUp() {
        feed.catchUp(heads);
        lastCatchUp = clock.instant();
    }

    private void accept(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        AcceptedRequest request;
        try {
            request = requests.deserialize(r.topic(), r.value());
        } catch (SerializationException e) {
            log.error("Unreadable accepted request {}-{}@{} (not written by request-ingest of this contract), dead-lettered: {}",
                    r.topic(), r.partition(), r.offset(), e.getMessage());
            pending.skip(tp, r.offset());
            publisher.deadLetter(r, e, pending.committable());
            return;
        }
        if (request == null) {
            pending.skip(tp, r.offset());
            return;
        }
        String done = alreadyTaken(request);
        if (done != null) {
            pending.skip(tp, r.offset());
            dropDuplicate(request, tp, r.offset(), done.startsWith("applied") ? "applied" : "settled", done);
            return;
        }
        pending.add(new PendingBatches.Entry(request, tp, r.offset()), clock.instant()).ifPresent(earlier ->
                dropDuplicate(request, tp, r.offset(), "pending", "already pending from offset " + earlier.offset()
                        + (earlier.request().equals(request) ? "" : " with different content, which is the one applied")));
    }

    /** Why the request needs no work (a version applied it, or a worker already took it), or null when it does. */
    private String alreadyTaken(AcceptedRequest request) {
        if (heads.applied(request.getModelId(), request.getRequestId())) {
            return "applied by a published version";
        }
        return heads.handled(request.getRequestId()).map(state -> "already taken by a worker (" + state + ")").orElse(null);
    }

    /**
     * Defence in depth: ingest de-duplicates by requestId, but the worker never applies a request twice either. A record
     * re-read after a restart is normal (offsets held back by another model's pending batch), so that is logged at INFO;
     * a second record of a request still pending can only be a duplicate on the topic, logged at WARN.
     */
    private void dropDuplicate(AcceptedRequest request, TopicPartition tp, long offset, String why, String detail) {
        metrics.duplicate(why);
        String line = "Dropped accepted request {} of model {} at {}-{}@{}: its requestId was {}; not applied again";
        Object[] args = {request.getRequestId(), request.getModelId(), tp.topic(), tp.partition(), offset, detail};
        if (why.equals("pending")) {
            log.warn(line, args);
        } else {
            log.info(line, args);
        }
    }

    private void apply(PendingBatches.Batch batch) {
        Instant batchedAt = clock.instant();
        ModelVersion head = heads.head(batch.modelId()).orElse(null);
        BatchOutcome outcome;
        if (head == null) {
            FirstVersionWait.Decision decision = firstVersion.decide(batch, batchedAt);
            if (decision instanceof FirstVersionWait.Wait wait) {
                hold(batch, wait);
                return;
            }
            outcome = new BatchOutcome.Failed(((FirstVersionWait.Fail) decision).reason());
        } else if (batch.kind() == RequestKind.CONCEPT) {
            AcceptedRequest r = batch.requests().get(0);
            long started = System.nanoTime();
            outcome = concepts.suppress(head, heads.inheritedSuppressions(batch.modelId()), ConceptDefinition.of(r), r.getRequestId(),
                    heads.forgotten(batch.modelId()),
                    event -> log.info("{} concept '{}': {}", batch.modelId(), r.getConceptName(), event));
            metrics.methodRun(batch, System.nanoTime() - started);
        } else {
            long started = System.nanoTime();
            outcome = runner.apply(head, escalations.method(batch.modelId(), heads), batch.requests(), heads.forgotten(batch.modelId()),
                    event -> log.info("{} batch of {}: {}", batch.modelId(), batch.entries().size(), event));
            metrics.methodRun(batch, System.nanoTime() - started);
        }
        if (outcome instanceof BatchOutcome.Published p) {
            outcome = new BatchOutcome.Published(heads.numbered(p.version()), p.forgottenSampleIds()); // above abandoned versions too
        }
        pending.done(batch);
        publisher.publish(batch, outcome, batchedAt, pending.committable());
        RequestState settled = outcome instanceof BatchOutcome.Failed ? RequestState.FAILED : RequestState.APPLIED;
        batch.requests().forEach(r -> heads.onHandled(r.getRequestId(), settled)); // before its statuses are read back
        if (outcome instanceof BatchOutcome.Published p) {
            heads.onVersion(p.version());
            p.forgottenSampleIds().forEach(id -> heads.onForgotten(VersionRecords.forgotten(id, batch.requests().get(0), p.version())));
        }
        metrics.published(batch, outcome, clock.instant());
        log.info("{}: batch of {} request(s) -> {}", batch.modelId(), batch.entries().size(), describe(outcome));
    }

    /** Keeps a batch whose model has no visible version pending; the first time, tells its requests why they wait. */
    private void hold(PendingBatches.Batch batch, FirstVersionWait.Wait wait) {
        boolean announce = wait.announcement() != null;
        pending.defer(batch, wait.recheckAt());
        if (announce) {
            publisher.waiting(batch, wait.announcement(), pending.committable());
            log.info("{}: batch of {} request(s) waits: {}", batch.modelId(), batch.entries().size(), wait.announcement());
        }
    }

    /** The models whose accepted requests land on a partition this instance owns (modelId key, default partitioner). */
    private java.util.Set<String> ownedModels() {
        java.util.Set<Integer> owned = new java.util.HashSet<>();
        consumer.assignment().forEach(tp -> owned.add(tp.partition()));
        int partitions = Math.max(1, consumer.partitionsFor(Topics.ACCEPTED_REQUESTS.name()).size());
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String m : heads.models()) {
            if (owned.contains(io.unlearn.schemas.KeyPartitions.of(m, partitions))) {
                out.add(m);
            }
        }
        return out;
    }

    private static String describe(BatchOutcome o) {
        if (o instanceof BatchOutcome.Published p) {
            return p.version().getVersionId() + " (" + p.forgottenSampleIds().size() + " samples forgotten)";
        }
        return o instanceof BatchOutcome.Failed f ? "FAILED: " + f.reason() : "already forgotten";
    }

    /** Waits until the loop owns partitions and has loaded the models' state; false on timeout. */
    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Stops the loop after the current step; a batch being applied is finished or abandoned uncommitted. */
    @Override
    public void close() {
        closed.set(true);
        consumer.wakeup();
    }

    ModelHeads heads() {
        return heads;
    }
}
