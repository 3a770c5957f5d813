package io.unlearn.worker.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.SuppressionConfig;
import io.unlearn.events.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the worker knows of each model, from unlearn.models.versions, unlearn.catalog.forgotten, unlearn.eval.reports
 * and unlearn.requests.status (committed records only, caught up by a {@link HeadsFeed} at every assignment and before
 * every batch decision) and from what this worker publishes. The head a batch builds on is the newest version that is
 * not {@link #abandoned}: neither superseded by an escalation nor REJECTED nor built on such a version (a version not
 * judged yet is built on speculatively). Recording a record twice (this worker's own, then read back) changes nothing;
 * for reports and statuses the last one read wins.
 */
public final class ModelHeads {
    private final Map<String, TreeMap<Long, ModelVersion>> byModel = new HashMap<>();
    private final Map<String, ModelVersion> byVersionId = new HashMap<>();
    private final Map<String, Set<String>> appliedRequests = new HashMap<>();
    private final Map<String, Map<String, ForgottenSample>> forgotten = new HashMap<>();
    private final Map<String, EvaluationReport> reports = new HashMap<>();
    private final Map<String, RequestStatus> lastStatus = new HashMap<>();
    private final Map<String, String> supersededBy = new HashMap<>();
    private final Map<String, RequestState> handled = new HashMap<>();

    /** Records a published version. A version already known is ignored. */
    public void onVersion(ModelVersion v) {
        if (byVersionId.putIfAbsent(v.getVersionId(), v) != null) {
            return;
        }
        byModel.computeIfAbsent(v.getModelId(), m -> new TreeMap<>()).putIfAbsent(v.getVersion(), v);
        appliedRequests.computeIfAbsent(v.getModelId(), m -> new HashSet<>()).addAll(v.getAppliedRequestIds());
        v.getSupersedes().forEach(id -> supersededBy.putIfAbsent(id, v.getVersionId()));
    }

    /** Records a forgotten sample; a later record of the same sample (an escalation re-forgetting it) replaces it. */
    public void onForgotten(ForgottenSample f) {
        forgotten.computeIfAbsent(f.getModelId(), m -> new HashMap<>()).put(f.getSampleId(), f);
    }

    /** Records an evaluation report; the last one of a version (a challenge's after the basic one) is its verdict. */
    public void onReport(EvaluationReport r) {
        reports.put(r.getVersionId(), r);
    }

    /** Records a request's status; the last one is its state. */
    public void onStatus(RequestStatus s) {
        lastStatus.put(s.getRequestId(), s);
        if (s.getState() != RequestState.RECEIVED && s.getState() != RequestState.ACCEPTED && s.getState() != RequestState.UNKNOWN) {
            handled.putIfAbsent(s.getRequestId(), s.getState());
        }
    }

    /** Records that this worker just published a batch's outcome for the request (before its statuses are read back). */
    public void onHandled(String requestId, RequestState state) {
        handled.putIfAbsent(requestId, state);
    }

    /**
     * The first state past ACCEPTED a request reached (BATCHED, APPLIED, FAILED, ...), if any: such a request was taken
     * by a worker already, so another accepted record of it needs no work. A repeated ACCEPTED (a batch told it waits)
     * does not count.
     */
    public Optional<RequestState> handled(String requestId) {
        return Optional.ofNullable(handled.get(requestId));
    }

    /** The version new work builds on: the newest one not {@link #abandoned}. */
    public Optional<ModelVersion> head(String modelId) {
        return byModel.getOrDefault(modelId, new TreeMap<>()).descendingMap().values().stream().filter(v -> !abandoned(v)).findFirst();
    }

    /** The number the model's next version gets: one above every version published, abandoned ones included. */
    public long nextNumber(String modelId) {
        TreeMap<Long, ModelVersion> versions = byModel.get(modelId);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    /** {@code v} renumbered as the model's next version (runners number a version after its parent). */
    public ModelVersion numbered(ModelVersion v) {
        long n = nextNumber(v.getModelId());
        return n == v.getVersion() ? v : ModelVersion.newBuilder(v).setVersion(n).setVersionId(v.getModelId() + "@v" + n).build();
    }

    /** Superseded by an escalation, REJECTED itself, or built on such a version: nothing is built on it any more. */
    public boolean abandoned(ModelVersion v) {
        for (ModelVersion a : lineage(v)) {
            if (supersededBy.containsKey(a.getVersionId()) || rejected(a)) {
                return true;
            }
        }
        return false;
    }

    /** An UNLEARNED or RETRAINED version whose last report is REJECTED (its method did not forget, or broke the model). */
    public boolean rejected(ModelVersion v) {
        return (v.getKind() == ModelVersionKind.UNLEARNED || v.getKind() == ModelVersionKind.RETRAINED)
                && verdict(v.getVersionId()).filter(x -> x == Verdict.REJECTED).isPresent();
    }

    /** The verdict of the version's last report, if it has one. */
    public Optional<Verdict> verdict(String versionId) {
        return report(versionId).map(EvaluationReport::getVerdict);
    }

    public Optional<EvaluationReport> report(String versionId) {
        return Optional.ofNullable(reports.get(versionId));
    }

    /** The version that lists {@code versionId} in its supersedes, if any. */
    public Optional<String> supersededBy(String versionId) {
        return Optional.ofNullable(supersededBy.get(versionId));
    }

    /** The last status of a request, if any was read. */
    public Optional<RequestStatus> lastStatus(String requestId) {
        return Optional.ofNullable(lastStatus.get(requestId));
    }

    /** The model's versions, oldest first. */
    public List<ModelVersion> versions(String modelId) {
        return List.copyOf(byModel.getOrDefault(modelId, new TreeMap<>()).values());
    }

    /** A version this worker has seen, by id. */
    public Optional<ModelVersion> version(String versionId) {
        return Optional.ofNullable(versionId == null ? null : byVersionId.get(versionId));
    }

    /** {@code v} and its ancestors, {@code v} first (a missing parent ends it). */
    public List<ModelVersion> lineage(ModelVersion v) {
        List<ModelVersion> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ModelVersion a = v; a != null && seen.add(a.getVersionId()); a = version(a.getParentVersionId()).orElse(null)) {
            out.add(a);
        }
        return out;
    }

    /**
     * The concept suppressions the model should carry: those of the nearest SUPPRESSED version at or above the head,
     * looking through UNLEARNED and RETRAINED versions (they change weights but no concept request undid the concepts);
     * an escalation's version carries those of the newest SUPPRESSED version it supersedes; empty when a BASE comes first.
     */
    public List<SuppressionConfig> inheritedSuppressions(String modelId) {
        for (ModelVersion v : head(modelId).map(this::lineage).orElse(List.of())) {
            if (v.getKind() == ModelVersionKind.SUPPRESSED) {
                return v.getActiveSuppressions();
            }
            Optional<ModelVersion> replaced = v.getSupersedes().stream().map(this::version).flatMap(Optional::stream)
                    .filter(s -> s.getKind() == ModelVersionKind.SUPPRESSED).reduce((a, b) -> a.getVersion() > b.getVersion() ? a : b);
            if (replaced.isPresent()) {
                return replaced.get().getActiveSuppressions();
            }
            if (v.getKind() == ModelVersionKind.BASE) {
                break;
            }
        }
        return List.of();
    }

    /** Every model with a published version. */
    public Set<String> models() {
        return Set.copyOf(byModel.keySet());
    }

    /** When the head's lineage was last exact (its nearest BASE or RETRAINED version). */
    public Optional<Instant> lastExactAt(String modelId) {
        return head(modelId).map(this::lineage).orElse(List.of()).stream().filter(ModelHeads::exact).findFirst()
                .map(ModelVersion::getCreatedAt);
    }

    /** Requests the head's lineage applied since its nearest exact version (BASE or RETRAINED). */
    public int appliedSinceRetrain(String modelId) {
        int n = 0;
        for (ModelVersion v : head(modelId).map(this::lineage).orElse(List.of())) {
            if (exact(v)) {
                break;
            }
            n += v.getAppliedRequestIds().size();
        }
        return n;
    }

    /** Whether some version (abandoned ones included) applied the request: a re-read accepted record needs no work. */
    public boolean applied(String modelId, String requestId) {
        return appliedRequests.getOrDefault(modelId, Set.of()).contains(requestId);
    }

    /** Samples the head's lineage forgot: never trained on again by what builds on the head. */
    public Set<String> forgotten(String modelId) {
        return head(modelId).map(this::forgottenIn).orElse(Set.of());
    }

    /** Samples forgotten by {@code v} or an ancestor (the last record of each sample names the version that forgot it). */
    public Set<String> forgottenIn(ModelVersion v) {
        Set<String> lineage = new HashSet<>();
        lineage(v).forEach(a -> lineage.add(a.getVersionId()));
        Set<String> out = new HashSet<>();
        forgotten.getOrDefault(v.getModelId(), Map.of()).forEach((id, f) -> {
            if (lineage.contains(f.getVersionId())) {
                out.add(id);
            }
        });
        return out;
    }

    /** The last forgotten-sample record of each sample the versions {@code versionIds} forgot. */
    public List<ForgottenSample> forgottenBy(String modelId, Set<String> versionIds) {
        return forgotten.getOrDefault(modelId, Map.of()).values().stream().filter(f -> versionIds.contains(f.getVersionId()))
                .sorted(java.util.Comparator.comparing(ForgottenSample::getSampleId)).toList();
    }

    private static boolean exact(ModelVersion v) {
        return v.getKind() == ModelVersionKind.BASE || v.getKind() == ModelVersionKind.RETRAINED;
    }
}
