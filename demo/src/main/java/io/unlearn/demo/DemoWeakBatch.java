package io.unlearn.demo;

import io.unlearn.events.ConceptRemovalRequest;
import io.unlearn.events.DeletionRequest;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.worker.WorkerConfig;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's first batch, unlearned on purpose by a method too weak to forget, so that the stream shows what the
 * forgetting gate does with it: the worker starts with {@code ft} at a learning rate of 1e-6 for one epoch (its ordinary
 * {@code method.*} settings), which leaves the weights almost as they were; the gate still sees the forget set's
 * membership, REJECTS the version, and its requests FAIL with that evidence as the reason. The worker builds every next
 * version on the head, and the evaluator judges each version on the lineage's cumulative forget set, so the weak batch's
 * remembered samples would stay in every later judgement; the weak worker therefore also consolidates
 * ({@code consolidation.every.requests}: an exact retrain without every forgotten sample) right after the batch, and the
 * lineage goes on from weights that never saw them (docs/ARCHITECTURE.md has the measurement). Then the demo restarts
 * the worker with the real method
 * and publishes the rest of the stream. The batch is the stream's first requests up to its {@link #SUBJECTS}th deletion by
 * subject (60 samples each), before any concept removal.
 */
final class DemoWeakBatch {
    static final String METHOD = "ft";
    static final Map<String, String> SETTINGS = Map.of(WorkerConfig.METHOD_PREFIX + "epochs", "1", WorkerConfig.METHOD_PREFIX + "lr", "1e-6");
    static final String DESCRIPTION = "ft at lr 1e-6 for 1 epoch";
    static final int SUBJECTS = 4;
    private final int end;
    private final Set<String> requestIds;

    private DemoWeakBatch(int end, Set<String> requestIds) {
        this.end = end;
        this.requestIds = requestIds;
    }

    /** The first batch of {@code items}: leading deletions up to the {@link #SUBJECTS}th by subject, stopping at a concept removal. */
    static DemoWeakBatch of(List<DemoRequests.Item> items) {
        Set<String> ids = new LinkedHashSet<>();
        int subjects = 0;
        int end = 0;
        while (end < items.size() && subjects < SUBJECTS && !(items.get(end).request() instanceof ConceptRemovalRequest)) {
            DemoRequests.Item i = items.get(end++);
            if (i.expectedValid()) {
                ids.add(i.requestId());
            }
            subjects += i.request() instanceof DeletionRequest d && d.getSubjectId() != null && !i.duplicate() ? 1 : 0;
        }
        return new DemoWeakBatch(end, ids);
    }

    /** The weak worker's settings: the real ones with the weak method, and a consolidation after its first batch. */
    static Map<String, Object> workerProps(Map<String, Object> real) {
        Map<String, Object> w = new HashMap<>(real);
        w.put(WorkerConfig.METHOD, METHOD);
        w.putAll(SETTINGS);
        w.put(WorkerConfig.CONSOLIDATE_EVERY, "1");
        return w;
    }

    /** How many leading items of the stream the weak worker gets. */
    int end() {
        return end;
    }

    /** The version the weak method published for this batch, once the tracker has seen it. */
    Optional<ModelVersion> weakVersion(DemoTracker t) {
        return t.versions.values().stream().filter(v -> v.getKind() == ModelVersionKind.UNLEARNED && v.getMethod().equals(METHOD))
                .filter(v -> v.getAppliedRequestIds().stream().anyMatch(requestIds::contains)).findFirst();
    }

    /** The exact retrain that followed the weak version, once the tracker has seen it. */
    Optional<ModelVersion> consolidation(DemoTracker t) {
        Optional<ModelVersion> weak = weakVersion(t);
        return t.versions.values().stream().filter(v -> v.getKind() == ModelVersionKind.RETRAINED)
                .filter(v -> weak.isPresent() && v.getVersion() > weak.get().getVersion()).findFirst();
    }

    /** Whether the weak worker is done: its version and the consolidation are out, or its requests ended without a version. */
    boolean done(DemoTracker t) {
        return consolidation(t).isPresent() || (weakVersion(t).isEmpty() && !requestIds.isEmpty() && requestIds.stream().allMatch(t::terminal));
    }

    /** What happened, in one line for the console. */
    String story(DemoTracker t, String realMethod) {
        String weak = weakVersion(t).map(v -> v.getVersionId() + " (" + v.getAppliedRequestIds().size() + " requests, "
                + v.getForgetSetSize() + " samples)").orElse("no version");
        String retrain = consolidation(t).map(v -> v.getVersionId() + " (exact retrain without every forgotten sample)").orElse("none yet");
        return "first batch unlearned on purpose by " + DESCRIPTION + " -> " + weak + "; consolidation -> " + retrain
                + "; worker restarted with " + realMethod + " for the rest";
    }
}
