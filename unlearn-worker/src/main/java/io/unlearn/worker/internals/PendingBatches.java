package io.unlearn.worker.internals;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.RequestKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Accepted requests waiting to be applied, grouped per model (deletions) or one per batch (concepts),
 * and the offsets that are safe to commit: never past the first record of a batch not yet published, so
 * a crash re-reads every request that is not in a committed version. A due batch that cannot be decided yet
 * (its model has no visible version: {@link FirstVersionWait}) is {@link #defer deferred}: it stays pending and is
 * due again later. A request whose requestId is already pending is not added twice ({@link #add} says so): the worker
 * de-duplicates by requestId itself, whatever ingest let through. Pure logic, no Kafka I/O.
 */
public final class PendingBatches {
    private final int maxRequests;
    private final int maxSamples;
    private final long maxWaitMs;
    private final Map<String, Batch> byModel = new LinkedHashMap<>();
    private final List<Batch> concepts = new ArrayList<>();
    private final List<Batch> full = new ArrayList<>();
    private final Map<Batch, Instant> deferred = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> consumedUpTo = new HashMap<>();
    private final Map<TopicPartition, TreeSet<Long>> pendingOffsets = new HashMap<>();
    private final Map<String, Entry> pendingRequests = new HashMap<>();

    public PendingBatches(int maxRequests, int maxSamples, long maxWaitMs) {
        this.maxRequests = maxRequests;
        this.maxSamples = maxSamples;
        this.maxWaitMs = maxWaitMs;
    }

    /** One request with where it was read. */
    public record Entry(AcceptedRequest request, TopicPartition partition, long offset) {
    }

    /** The requests applied together to one model. */
    public static final class Batch {
        private final String modelId;
        private final RequestKind kind;
        private final Instant startedAt;
        private final List<Entry> entries = new ArrayList<>();
        private int samples;
        private boolean waited;

        Batch(String modelId, RequestKind kind, Instant startedAt) {
            this.modelId = modelId;
            this.kind = kind;
            this.startedAt = startedAt;
        }

        public String modelId() { return modelId; }
        public RequestKind kind() { return kind; }
        public Instant startedAt() { return startedAt; }
        public List<Entry> entries() { return List.copyOf(entries); }
        public int samples() { return samples; }
        /** Whether the batch was deferred before (its requests were told they wait). */
        public boolean waited() { return waited; }

        public List<AcceptedRequest> requests() {
            return entries.stream().map(Entry::request).toList();
        }
    }

    /** A record that needs no work (already applied, unreadable): only its offset moves on. */
    public void skip(TopicPartition tp, long offset) {
        consumedUpTo.merge(tp, offset + 1, Math::max);
    }

    /**
     * Adds a request to its model's batch (a concept request to a batch of its own). A request whose requestId is already
     * pending is not added: only its offset moves on, and the pending record is returned so the caller can report the
     * duplicate.
     *
     * @return empty when added; else the entry already pending under the same requestId
     */
    public Optional<Entry> add(Entry e, Instant now) {
        consumedUpTo.merge(e.partition(), e.offset() + 1, Math::max);
        Entry earlier = pendingRequests.putIfAbsent(e.request().getRequestId(), e);
        if (earlier != null) {
            return Optional.of(earlier);
        }
        pendingOffsets.computeIfAbsent(e.partition(), p -> new TreeSet<>()).add(e.offset());
        AcceptedRequest r = e.request();
        if (r.getKind() == RequestKind.CONCEPT) {
            Batch b = new Batch(r.getModelId(), RequestKind.CONCEPT, now);
            b.entries.add(e);
            concepts.add(b);
            return Optional.empty();
        }
        Batch b = byModel.computeIfAbsent(r.getModelId(), m -> new Batch(m, RequestKind.DELETION, now));
        b.entries.add(e);
        b.samples += r.getSampleIds().size();
        if (b.entries.size() >= maxRequests || b.samples >= maxSamples) {
            full.add(b); // a full batch is cut here, so one poll's records can fill several batches of one model
            byModel.remove(r.getModelId());
        }
        return Optional.empty();
    }

    /** Whether a request with this id waits in some batch (deferred ones included). */
    public boolean isPending(String requestId) {
        return pendingRequests.containsKey(requestId);
    }

    /** Removes and returns the batches that are full or have waited long enough (concepts at once), and the deferred ones due again. */
    public List<Batch> takeDue(Instant now) {
        List<Batch> due = new ArrayList<>();
        for (Iterator<Map.Entry<Batch, Instant>> it = deferred.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Batch, Instant> d = it.next();
            if (!now.isBefore(d.getValue())) {
                due.add(d.getKey());
                it.remove();
            }
        }
        due.addAll(full);
        full.clear();
        due.addAll(concepts);
        concepts.clear();
        for (Iterator<Batch> it = byModel.values().iterator(); it.hasNext(); ) {
            Batch b = it.next();
            if (now.toEpochMilli() - b.startedAt.toEpochMilli() >= maxWaitMs) {
                due.add(b);
                it.remove();
            }
        }
        return due;
    }

    /**
     * Puts back a batch taken by {@link #takeDue} that cannot be decided yet: it stays pending (its offsets hold commits
     * back) and is due again at {@code dueAgainAt}. Requests read meanwhile for its model form a new batch.
     */
    public void defer(Batch b, Instant dueAgainAt) {
        b.waited = true;
        deferred.put(b, dueAgainAt);
    }

    /** Marks a batch as published (or failed and reported): its offsets no longer hold commits back. */
    public void done(Batch b) {
        for (Entry e : b.entries) {
            TreeSet<Long> pending = pendingOffsets.get(e.partition());
            if (pending != null) {
                pending.remove(e.offset());
            }
            pendingRequests.remove(e.request().getRequestId(), e);
        }
    }

    /** Per partition: the first offset of a pending request, or the next unread one when none is pending. */
    public Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        consumedUpTo.forEach((tp, next) -> {
            TreeSet<Long> pending = pendingOffsets.get(tp);
            out.put(tp, new OffsetAndMetadata(pending == null || pending.isEmpty() ? next : pending.first()));
        });
        return out;
    }

    /** Forgets everything about partitions this worker no longer owns (their requests will be re-read). */
    public void revoke(java.util.Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> {
            consumedUpTo.remove(tp);
            pendingOffsets.remove(tp);
        });
        java.util.function.Predicate<Batch> onRevoked = b -> b.entries.stream().anyMatch(e -> partitions.contains(e.partition()));
        byModel.values().removeIf(onRevoked);
        concepts.removeIf(onRevoked);
        full.removeIf(onRevoked);
        deferred.keySet().removeIf(onRevoked);
        pendingRequests.values().removeIf(e -> partitions.contains(e.partition()));
    }

    public boolean isEmpty() {
        return byModel.isEmpty() && concepts.isEmpty() && full.isEmpty() && deferred.isEmpty();
    }
}
