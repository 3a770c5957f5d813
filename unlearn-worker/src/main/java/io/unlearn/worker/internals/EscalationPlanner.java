package io.unlearn.worker.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, from what the topics say ({@link ModelHeads}), which escalation a model needs next: the oldest UNLEARNED or
 * RETRAINED version whose last report is REJECTED and that no version supersedes yet. Its method is unreliable for the
 * model; the versions it affects are those built on the child of its last certified ancestor (the rejected one, the
 * INCONCLUSIVE or unjudged ones between, and every one built on it speculatively since), none already superseded.
 * A version listed in some version's {@code supersedes} is never planned again, so a restart rebuilds nothing twice.
 * Pure.
 */
public final class EscalationPlanner {
    private final EscalationLadder ladder;

    public EscalationPlanner(EscalationLadder ladder) {
        this.ladder = ladder;
    }

    /** The methods found unreliable for {@code modelId}: those of its REJECTED UNLEARNED/RETRAINED versions. */
    public static Set<String> unreliable(String modelId, ModelHeads heads) {
        Set<String> out = new TreeSet<>();
        heads.versions(modelId).stream().filter(heads::rejected).forEach(v -> out.add(v.getMethod()));
        return out;
    }

    /** The method new batches of {@code modelId} use. */
    public String method(String modelId, ModelHeads heads) {
        return ladder.current(unreliable(modelId, heads));
    }

    /** The escalation due for {@code modelId}, skipping rejected versions in {@code givenUp}; empty when none is. */
    public Optional<Escalation> next(String modelId, ModelHeads heads, Collection<String> givenUp) {
        for (ModelVersion v : heads.versions(modelId)) {
            if (!heads.rejected(v) || heads.supersededBy(v.getVersionId()).isPresent() || givenUp.contains(v.getVersionId())) {
                continue;
            }
            Optional<Escalation> plan = plan(v, heads);
            if (plan.isPresent()) {
                return plan;
            }
        }
        return Optional.empty();
    }

    private Optional<Escalation> plan(ModelVersion rejected, ModelHeads heads) {
        List<ModelVersion> lineage = heads.lineage(rejected);
        int anchorAt = 1;
        while (anchorAt < lineage.size() && !anchor(lineage.get(anchorAt), heads)) {
            anchorAt++;
        }
        if (anchorAt >= lineage.size()) {
            return Optional.empty(); // no certified ancestor is known (yet): nothing safe to build on
        }
        ModelVersion parent = lineage.get(anchorAt);
        String root = lineage.get(anchorAt - 1).getVersionId();
        List<ModelVersion> affected = heads.versions(rejected.getModelId()).stream()
                .filter(v -> heads.supersededBy(v.getVersionId()).isEmpty())
                .filter(v -> heads.lineage(v).stream().anyMatch(a -> a.getVersionId().equals(root))).toList();
        TreeSet<String> requests = new TreeSet<>();
        affected.stream().filter(v -> v.getKind() != ModelVersionKind.SUPPRESSED).forEach(v -> requests.addAll(v.getAppliedRequestIds()));
        Optional<String> method = ladder.after(rejected.getMethod(), unreliable(rejected.getModelId(), heads));
        List<RequestStatus> toMove = new ArrayList<>();
        for (String id : requests) {
            heads.lastStatus(id).filter(s -> s.getState() == RequestState.ESCALATING || (method.isEmpty()
                    && (s.getState() == RequestState.APPLIED || s.getState() == RequestState.AWAITING_EVIDENCE))).ifPresent(toMove::add);
        }
        if (method.isEmpty() && toMove.isEmpty()) {
            return Optional.empty(); // nothing left to fail: already decided
        }
        Set<String> ids = new TreeSet<>(affected.stream().map(ModelVersion::getVersionId).toList());
        return Optional.of(new Escalation(rejected, parent, affected, List.copyOf(requests), heads.forgottenBy(rejected.getModelId(), ids),
                method, toMove, story(rejected, parent, affected, method, heads)));
    }

    /** A version a re-application may build on: BASE, a CERTIFIED UNLEARNED/RETRAINED one, or a CERTIFIED SUPPRESSED one on such. */
    private static boolean anchor(ModelVersion v, ModelHeads heads) {
        if (heads.abandoned(v)) {
            return false;
        }
        if (v.getKind() == ModelVersionKind.BASE) {
            return true;
        }
        boolean certified = heads.verdict(v.getVersionId()).filter(x -> x == Verdict.CERTIFIED).isPresent();
        if (v.getKind() == ModelVersionKind.SUPPRESSED) {
            return certified && heads.version(v.getParentVersionId()).map(p -> anchor(p, heads)).orElse(false);
        }
        return certified;
    }

    private String story(ModelVersion rejected, ModelVersion parent, List<ModelVersion> affected, Optional<String> method,
                         ModelHeads heads) {
        List<String> why = heads.report(rejected.getVersionId()).map(EvaluationReport::getFailingCriteria).orElse(List.of());
        String what = rejected.getVersionId() + " (" + rejected.getMethod() + ") was REJECTED"
                + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")");
        if (method.isEmpty()) {
            return (rejected.getMethod().equals(ladder.top()) ? "the top of the escalation ladder (" + ladder.top() + ") was REJECTED: "
                    : "no reliable method is left above " + rejected.getMethod() + " on the escalation ladder " + ladder.methods() + ": ")
                    + what + "; unreliable for " + rejected.getModelId() + ": " + unreliable(rejected.getModelId(), heads)
                    + "; send the request again once escalation.ladder offers a stronger method";
        }
        List<String> others = affected.stream().map(ModelVersion::getVersionId).filter(id -> !id.equals(rejected.getVersionId())).toList();
        return what + "; " + rejected.getMethod() + " is unreliable for " + rejected.getModelId() + ", so its requests"
                + (others.isEmpty() ? "" : " and those of " + String.join(", ", others)) + " are re-applied by " + method.get()
                + " on " + parent.getVersionId() + ", the last certified version";
    }
}
