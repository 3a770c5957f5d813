package io.unlearn.worker.internals;

import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the worker knows of each model, from unlearn.models.versions and unlearn.catalog.forgotten (committed records
 * only, caught up by a {@link HeadsFeed} at every assignment and before every batch decision) and from what this
 * worker publishes: the head version, every request id some version applied, every forgotten sample. Recording a
 * version or a sample twice (this worker's own, then read back from the topic) changes nothing.
 */
public final class ModelHeads {
    private final Map<String, ModelVersion> heads = new HashMap<>();
    private final Map<String, Set<String>> appliedRequests = new HashMap<>();
    private final Map<String, Set<String>> forgotten = new HashMap<>();
    private final Map<String, Integer> appliedSinceRetrain = new HashMap<>();
    private final Map<String, ModelVersion> byVersionId = new HashMap<>();
    private final Map<String, java.time.Instant> lastExactAt = new HashMap<>();

    /** Records a published version; the highest version number is the head. A version already known is ignored. */
    public void onVersion(ModelVersion v) {
        if (byVersionId.containsKey(v.getVersionId())) {
            return;
        }
        ModelVersion head = heads.get(v.getModelId());
        if (head == null || v.getVersion() > head.getVersion()) {
            heads.put(v.getModelId(), v);
        }
        byVersionId.put(v.getVersionId(), v);
        appliedRequests.computeIfAbsent(v.getModelId(), m -> new HashSet<>()).addAll(v.getAppliedRequestIds());
        if (v.getKind() == io.unlearn.events.ModelVersionKind.RETRAINED || v.getKind() == io.unlearn.events.ModelVersionKind.BASE) {
            appliedSinceRetrain.put(v.getModelId(), 0);
            lastExactAt.merge(v.getModelId(), v.getCreatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        } else {
            appliedSinceRetrain.merge(v.getModelId(), v.getAppliedRequestIds().size(), Integer::sum);
        }
    }

    public void onForgotten(ForgottenSample f) {
        forgotten.computeIfAbsent(f.getModelId(), m -> new HashSet<>()).add(f.getSampleId());
    }

    public Optional<ModelVersion> head(String modelId) {
        return Optional.ofNullable(heads.get(modelId));
    }

    /** A version this worker has seen, by id. */
    public Optional<ModelVersion> version(String versionId) {
        return Optional.ofNullable(versionId == null ? null : byVersionId.get(versionId));
    }

    /**
     * The concept suppressions the model should carry: those of the nearest SUPPRESSED version at or above the head,
     * looking through UNLEARNED and RETRAINED versions (they change weights but no concept request undid the concepts);
     * empty when a BASE version comes first.
     */
    public java.util.List<io.unlearn.events.SuppressionConfig> inheritedSuppressions(String modelId) {
        ModelVersion v = heads.get(modelId);
        while (v != null && v.getKind() != io.unlearn.events.ModelVersionKind.SUPPRESSED
                && v.getKind() != io.unlearn.events.ModelVersionKind.BASE) {
            v = v.getParentVersionId() == null ? null : byVersionId.get(v.getParentVersionId());
        }
        return v == null || v.getKind() != io.unlearn.events.ModelVersionKind.SUPPRESSED ? java.util.List.of() : v.getActiveSuppressions();
    }

    /** Every model with a published version. */
    public Set<String> models() {
        return Set.copyOf(heads.keySet());
    }

    /** When the model's last exact version (BASE or RETRAINED) was published. */
    public Optional<java.time.Instant> lastExactAt(String modelId) {
        return Optional.ofNullable(lastExactAt.get(modelId));
    }

    public boolean applied(String modelId, String requestId) {
        return appliedRequests.getOrDefault(modelId, Set.of()).contains(requestId);
    }

    /** Samples of {@code modelId} some version already forgot: never trained on again. */
    public Set<String> forgotten(String modelId) {
        return forgotten.getOrDefault(modelId, Set.of());
    }

    public int appliedSinceRetrain(String modelId) {
        return appliedSinceRetrain.getOrDefault(modelId, 0);
    }

    public void clear() {
        heads.clear();
        appliedRequests.clear();
        forgotten.clear();
        appliedSinceRetrain.clear();
        byVersionId.clear();
        lastExactAt.clear();
    }
}
