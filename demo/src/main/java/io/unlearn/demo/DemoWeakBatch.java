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
 * The demo's first batch, unlearned on purpose by a method too weak to forget, so that the stream shows the lineage
 * correcting itself: the worker starts with {@code ft} at a learning rate of 1e-6 for one epoch (its ordinary
 * {@code method.*} settings, which apply to its configured method only), which leaves the weights almost as they were;
 * the gate still sees the forget set's membership and REJECTS the version, its requests go ESCALATING, and the worker —
 * with no operator action — finds {@code ft} unreliable for the model and re-applies the batch with the next method of
 * its escalation ladder (the demo's method, then eu-k, then retrain) as a version built on the base that supersedes the
 * weak one; new batches use that method too. The demo holds the rest of the stream until the superseding version is
 * out, so that no later batch is built on the weak version meanwhile. The batch is the stream's first requests up to its
 * {@link #SUBJECTS}th deletion by subject (60 samples each), before any concept removal.
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

    /**
     * The worker's settings: the real ones with the weak method first, and an escalation ladder that goes on with the real
     * method ({@code real}'s {@code method}) and then the stronger ones of the default ladder.
     */
    static Map<String, Object> workerProps(Map<String, Object> real) {
        Map<String, Object> w = new HashMap<>(real);
        w.put(WorkerConfig.METHOD, METHOD);
        w.putAll(SETTINGS);
        w.put(WorkerConfig.ESCALATION_LADDER, String.join(",", ladder(String.valueOf(real.get(WorkerConfig.METHOD)))));
        return w;
    }

    /** The real method, then the default ladder's methods above it (all of them when it is not on it). */
    static List<String> ladder(String realMethod) {
        return WorkerConfig.effectiveLadder(realMethod, WorkerConfig.DEFAULT_ESCALATION_LADDER);
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

    /** The version the worker's escalation built to supersede the weak one, once the tracker has seen it. */
    Optional<ModelVersion> superseding(DemoTracker t) {
        Optional<ModelVersion> weak = weakVersion(t);
        return t.versions.values().stream().filter(v -> weak.isPresent() && v.getSupersedes().contains(weak.get().getVersionId())).findFirst();
    }

    /** Whether the first batch is dealt with: the weak version is superseded, or its requests ended without a version. */
    boolean done(DemoTracker t) {
        return superseding(t).isPresent() || (weakVersion(t).isEmpty() && !requestIds.isEmpty() && requestIds.stream().allMatch(t::terminal));
    }

    /** What the stream is waiting for, for the progress view. */
    String phase(DemoTracker t) {
        Optional<ModelVersion> weak = weakVersion(t);
        if (weak.isEmpty()) {
            return "first batch by " + DESCRIPTION + " (weak on purpose)";
        }
        return t.basicReports.containsKey(weak.get().getVersionId()) ? "escalating: the worker re-applies " + weak.get().getVersionId()
                + "'s requests with a stronger method" : "evaluating " + weak.get().getVersionId() + " (" + METHOD + ", weak on purpose)";
    }

    /** What happened, in one line for the console: which version superseded which, by what method. */
    String story(DemoTracker t) {
        Optional<ModelVersion> weak = weakVersion(t);
        String first = "first batch unlearned on purpose by " + DESCRIPTION + " -> " + weak.map(v -> v.getVersionId() + " ("
                + v.getAppliedRequestIds().size() + " requests, " + v.getForgetSetSize() + " samples)").orElse("no version");
        String verdict = weak.map(v -> t.basicReports.get(v.getVersionId())).map(r -> " " + r.getVerdict()).orElse("");
        return first + verdict + "; " + superseding(t).map(v -> "the worker escalated on its own: " + v.getVersionId() + " (" + v.getMethod()
                + ", on " + v.getParentVersionId() + ") supersedes " + String.join(", ", v.getSupersedes())).orElse("no escalation yet");
    }
}
