package io.unlearn.evaluator.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.RequestLifecycle;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the evaluator knows, fed from the mirrored topics (and from what it publishes itself): every version
 * with its partition, every forgotten sample per model, which versions already have a basic report and a
 * challenge report, and which requests are already final. A version's cumulative forget set is every sample of its model forgotten by the version
 * or one of its ancestors (following parentVersionId), which also covers RETRAINED versions (they forget
 * nothing new and publish no ForgottenSample). Not thread-safe: the evaluator loop owns it.
 */
public final class EvaluatorState {
    private final Map<String, ModelVersion> versions = new HashMap<>();
    private final Map<String, Integer> partitions = new HashMap<>();
    private final Map<String, Map<String, String>> forgottenByModel = new HashMap<>();
    private final Map<String, EvaluationReport> basicReports = new HashMap<>();
    private final Map<String, EvaluationReport> challengeReports = new HashMap<>();
    private final Set<String> superseded = new HashSet<>();
    private final Map<String, RequestState> requestStates = new HashMap<>();

    public void onVersion(ModelVersion v, int partition) {
        versions.putIfAbsent(v.getVersionId(), v);
        partitions.putIfAbsent(v.getVersionId(), partition);
        superseded.addAll(v.getSupersedes());
    }

    public void onForgotten(ForgottenSample f) {
        forgottenByModel.computeIfAbsent(f.getModelId(), m -> new HashMap<>()).put(f.getSampleId(), f.getVersionId());
    }

    /**
     * Records a request's status (anyone's: ingest's, the worker's, the evaluator's own). A final state is never replaced:
     * a record read back later than the evaluator published its own cannot undo it.
     */
    public void onStatus(RequestStatus s) {
        requestStates.merge(s.getRequestId(), s.getState(), (was, now) -> RequestLifecycle.isTerminal(was) ? was : now);
    }

    /**
     * Whether the request reached a final state (VERIFIED, FAILED, REJECTED): nothing may follow, so a later version that
     * re-applies it (an escalation after a failed challenge of a CERTIFIED version re-applies VERIFIED requests) decides
     * nothing for it.
     */
    public boolean settled(String requestId) {
        RequestState s = requestStates.get(requestId);
        return s != null && RequestLifecycle.isTerminal(s);
    }

    /** A report with {@code worstCase} set is a challenge report; any other is the basic one. */
    public void onReport(EvaluationReport r) {
        if (r.getWorstCase() != null) {
            challengeReports.putIfAbsent(r.getVersionId(), r);
        } else {
            basicReports.putIfAbsent(r.getVersionId(), r);
        }
    }

    public Optional<ModelVersion> version(String versionId) {
        return Optional.ofNullable(versionId == null ? null : versions.get(versionId));
    }

    /** The partition of unlearn.models.versions the version was read from. */
    public Optional<Integer> partition(String versionId) {
        return Optional.ofNullable(partitions.get(versionId));
    }

    public Optional<EvaluationReport> basicReport(String versionId) {
        return Optional.ofNullable(basicReports.get(versionId));
    }

    public boolean challengeReported(String versionId) {
        return challengeReports.containsKey(versionId);
    }

    /** Whether a later version lists this one in its {@code supersedes} (the worker rebuilt its requests): no challenge for it. */
    public boolean isSuperseded(String versionId) {
        return superseded.contains(versionId);
    }

    /** Whether the version's challenge report turned its basic verdict into REJECTED. */
    public boolean rejectedByChallenge(String versionId) {
        EvaluationReport c = challengeReports.get(versionId);
        EvaluationReport b = basicReports.get(versionId);
        return c != null && b != null && Reports.rejectedByChallenge(c, b);
    }

    /**
     * Whether a later version's basic report already decided the requests of {@code v} (whose report awaited evidence): some
     * descendant's report decides earlier requests and counts v's report among those awaiting before it.
     */
    public boolean decidedLater(ModelVersion v) {
        EvaluationReport own = basicReports.get(v.getVersionId());
        return own != null && versions.values().stream()
                .filter(d -> !d.getVersionId().equals(v.getVersionId()) && d.getModelId().equals(v.getModelId()))
                .filter(d -> basicReport(d.getVersionId()).flatMap(Reports::decisionForEarlierRequests).isPresent())
                .anyMatch(d -> lineage(d).contains(v.getVersionId()) && awaitingEvidenceBefore(d).contains(own));
    }

    /** The version and its ancestors' ids, newest first; stops at an ancestor this evaluator has never seen. */
    public List<String> lineage(ModelVersion v) {
        List<String> ids = new java.util.ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ModelVersion at = v; at != null && seen.add(at.getVersionId()); at = version(at.getParentVersionId()).orElse(null)) {
            ids.add(at.getVersionId());
        }
        return ids;
    }

    /** Every sample of v's model forgotten by v or an ancestor, sorted. */
    public Set<String> cumulativeForgetSet(ModelVersion v) {
        Set<String> lineage = new HashSet<>(lineage(v));
        Set<String> out = new TreeSet<>();
        forgottenByModel.getOrDefault(v.getModelId(), Map.of()).forEach((sample, by) -> {
            if (lineage.contains(by)) {
                out.add(sample);
            }
        });
        return out;
    }

    /** The samples {@code v} itself forgot (its batch), empty for versions that forgot nothing new. */
    public Set<String> forgottenBy(ModelVersion v) {
        Set<String> out = new HashSet<>();
        forgottenByModel.getOrDefault(v.getModelId(), Map.of()).forEach((sample, by) -> {
            if (by.equals(v.getVersionId())) {
                out.add(sample);
            }
        });
        return out;
    }

    /**
     * The basic reports of v's ancestors whose requests still await evidence and that v's report may decide: walking
     * back from v's parent, every INCONCLUSIVE-for-evidence report up to the first ancestor whose report already decided
     * its own ancestors' requests (see {@link Reports#decisionForEarlierRequests}). Oldest last.
     */
    public List<EvaluationReport> awaitingEvidenceBefore(ModelVersion v) {
        List<EvaluationReport> out = new java.util.ArrayList<>();
        List<String> ids = lineage(v);
        for (String id : ids.subList(1, ids.size())) {
            EvaluationReport r = basicReports.get(id);
            if (r == null || rejectedByChallenge(id)) {
                continue; // a version a failed challenge rejected no longer awaits: its requests went to ESCALATING
            }
            if (Reports.awaitsEvidence(r)) {
                out.add(r);
            } else if (Reports.decisionForEarlierRequests(r).isPresent()) {
                break;
            }
        }
        return out;
    }

    /**
     * UNLEARNED versions on these partitions whose basic report was CERTIFIED or INCONCLUSIVE awaiting evidence (what a challenge
     * can still change), that no later version supersedes, and whose challenge was never reported.
     */
    public List<ModelVersion> challengesDue(Collection<Integer> ownedPartitions) {
        return versions.values().stream()
                .filter(v -> v.getKind() == ModelVersionKind.UNLEARNED && ownedPartitions.contains(partitions.get(v.getVersionId())))
                .filter(v -> basicReport(v.getVersionId()).map(Reports::challengeBinds).orElse(false))
                .filter(v -> !superseded.contains(v.getVersionId()) && !challengeReports.containsKey(v.getVersionId()))
                .toList();
    }
}
