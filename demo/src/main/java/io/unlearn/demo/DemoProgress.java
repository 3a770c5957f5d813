package io.unlearn.demo;

import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.schemas.EventSerdes;
import io.unlearn.schemas.SchemaRegistryClient;
import io.unlearn.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes the request stream at the configured rate and shows the progress ({@link DemoProgressView}) until done. */
final class DemoProgress {
    static final Duration WEAK_BATCH_WAIT = Duration.ofMinutes(5);
    private final DemoTracker tracker;
    private final List<DemoRequests.Item> items;
    private final DemoServices services;
    private final Set<String> ids = new LinkedHashSet<>();
    private final Halfway halfway;
    private final DemoProgressView view;
    private final long started;
    private final DemoWeakBatch weak;

    /** What happens when half of the requests are published (the chaos tests break something; the demo nothing). */
    @FunctionalInterface
    interface Halfway {
        void run() throws InterruptedException;
    }

    /**
     * @param halfway what to do once half of the requests are published
     * @param started when the demo started ({@link System#nanoTime}), for the elapsed time shown
     * @param weak the first batch, unlearned by a weak method until the worker escalates on its own; null for none
     */
    DemoProgress(DemoTracker tracker, List<DemoRequests.Item> items, DemoServices services, Halfway halfway,
                 DemoProgressView view, long started, DemoWeakBatch weak) {
        this.tracker = tracker;
        this.items = items;
        this.services = services;
        this.halfway = halfway;
        this.view = view;
        this.started = started;
        this.weak = weak;
        items.forEach(i -> ids.add(i.requestId()));
    }

    /**
     * @return whether every request settled within the timeout: reached a terminal state, or awaits evidence (its version
     *     was INCONCLUSIVE) while nothing is left in flight that could decide it ({@link DemoTracker#settled})
     */
    boolean publishAndWait(Map<String, Object> client, SchemaRegistryClient registry, DemoOptions o) throws InterruptedException {
        Map<String, Object> p = new java.util.HashMap<>(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        long start = System.nanoTime();
        try (KafkaProducer<String, DeletionRequest> deletions = new KafkaProducer<>(p, EventSerdes.keySerde().serializer(),
                EventSerdes.serde(DeletionRequest.class, registry).serializer());
             KafkaProducer<String, ConceptRemovalRequest> concepts = new KafkaProducer<>(p, EventSerdes.keySerde().serializer(),
                     EventSerdes.serde(ConceptRemovalRequest.class, registry).serializer())) {
            long gapNanos = (long) (1e9 / o.ratePerSecond());
            for (int i = 0; i < items.size(); i++) {
                DemoRequests.Item item = items.get(i);
                if (item.request() instanceof DeletionRequest d) {
                    deletions.send(new ProducerRecord<>(Topics.DELETION_REQUESTS.name(), item.requestId(), d));
                } else {
                    concepts.send(new ProducerRecord<>(Topics.CONCEPT_REQUESTS.name(), item.requestId(), (ConceptRemovalRequest) item.request()));
                }
                tracker.publishedAt.putIfAbsent(item.requestId(), Instant.now());
                if (weak != null && i + 1 == weak.end()) {
                    deletions.flush();
                    concepts.flush();
                    long held = System.nanoTime();
                    awaitWeakBatch();
                    start += System.nanoTime() - held;  // the rest keeps its pace instead of coming all at once
                }
                if (i + 1 == items.size() / 2) {
                    deletions.flush();
                    concepts.flush();
                    halfway.run();
                }
                long due = start + (i + 1) * gapNanos;
                while (System.nanoTime() < due) {
                    tracker.poll(Duration.ofMillis(Math.max(1, Math.min(200, (due - System.nanoTime()) / 1_000_000))));
                    view.update(status("publishing " + (i + 1) + "/" + items.size()));
                }
            }
        }
        long deadline = System.nanoTime() + o.timeout().toNanos();
        while (!settled() && System.nanoTime() < deadline) {
            tracker.poll(Duration.ofMillis(500));
            view.update(status("waiting"));
            String failure = supervise();
            if (failure != null) {
                view.note("  " + failure);
                return false;
            }
        }
        view.finish(status(!settled() ? "timed out" : ids.stream().allMatch(tracker::terminal) ? "all final"
                : "settled: the rest awaits evidence"));
        return settled();
    }

    /**
     * Holds the stream until the worker has published its version of the weak first batch, the evaluator has rejected it
     * and the worker's own escalation has superseded it (at most {@link #WEAK_BATCH_WAIT}); then one console line says
     * which version superseded which, by what method.
     */
    private void awaitWeakBatch() throws InterruptedException {
        long deadline = System.nanoTime() + WEAK_BATCH_WAIT.toNanos();
        while (!weak.done(tracker) && System.nanoTime() < deadline && supervise() == null) {
            tracker.poll(Duration.ofMillis(500));
            view.update(status(weak.phase(tracker)));
        }
        view.note("  " + weak.story(tracker) + (weak.done(tracker) ? "" : " (stopped waiting after " + WEAK_BATCH_WAIT.toMinutes() + " min)"));
    }

    /**
     * Waits for the worst-case challenge of every UNLEARNED version that no escalation superseded, and then for what a
     * failed challenge sets off: the requests it sent to ESCALATING are settled again only once the worker's escalation
     * was judged.
     */
    void awaitChallenges(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && supervise() == null) {
            boolean challenging = tracker.pendingChallenges() > 0;
            if (!challenging && settled()) {
                break;
            }
            // the phase is read before the poll, so that the line never names a wait that the poll just ended
            view.update(status(challenging ? "challenges" : "escalating after a failed challenge"));
            tracker.poll(Duration.ofMillis(500));
        }
        view.finish(status(tracker.pendingChallenges() > 0 ? "challenges: stopped waiting" : !settled() ? "escalations: stopped waiting"
                : "challenges done"));
    }

    /** The supervisor's restarts, shown as notes above the status block; @return why the demo cannot go on, or null */
    private String supervise() throws InterruptedException {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        String failure = services.supervise(new PrintStream(said, true, StandardCharsets.UTF_8));
        said.toString(StandardCharsets.UTF_8).lines().forEach(view::note);
        return failure;
    }

    private boolean settled() {
        return tracker.settled(ids);
    }

    private DemoStatus status(String phase) {
        return DemoStatus.of(tracker, ids, phase, Duration.ofNanos(System.nanoTime() - started));
    }
}
