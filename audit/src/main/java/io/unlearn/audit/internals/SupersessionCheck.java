package io.unlearn.audit.internals;

import io.unlearn.audit.AuditLog;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import io.unlearn.events.RequestStatus;
import io.unlearn.events.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lineage corrected itself as promised. For every version S that supersedes others: each superseded version exists
 * in the same model and was REJECTED (its last report) or is an ancestor or descendant of a superseded REJECTED one; S's
 * parent is BASE or CERTIFIED and an ancestor of every version S supersedes; S applies every deletion request the
 * superseded UNLEARNED / RETRAINED versions applied; S's {@code escalation} names a superseded version and S's method.
 * For every request that went ESCALATING: what followed is FAILED, or APPLIED by a version that supersedes the one it
 * escalated from and applies it, or the evaluator's verdict (VERIFIED, AWAITING_EVIDENCE) on such a version when it had
 * re-applied the request before the request went ESCALATING ({@link io.unlearn.schemas.RequestLifecycle}); still ESCALATING
 * is pending (a warning). No version that is not itself superseded
 * builds on a superseded one.
 */
public final class SupersessionCheck extends AuditCheck {
    public SupersessionCheck() {
        super("supersession", "each superseded version was REJECTED (or built on one), replaced on a certified parent by a version "
                + "applying its requests; each ESCALATING request re-applied or FAILED");
    }

    @Override
    void check(AuditLog log, CheckResultBuilder result) {
        Supersessions s = new Supersessions(log);
        for (ModelVersion v : log.versions()) {
            if (!v.getSupersedes().isEmpty()) {
                result.subject(v.getVersionId(), problems(v, s));
            } else if (s.supersededBy(v.getVersionId()).isEmpty() && v.getParentVersionId() != null) {
                s.supersededBy(v.getParentVersionId()).filter(by -> by.getCreatedAt().isBefore(v.getCreatedAt())).ifPresent(by ->
                        result.fail(v.getVersionId(), "built on " + v.getParentVersionId() + " after " + by.getVersionId()
                                + " superseded it: nothing may build on a superseded version"));
            }
        }
        for (RequestHistory r : RequestHistory.of(log).values()) {
            escalation(r, s, result);
        }
    }

    private static List<String> problems(ModelVersion v, Supersessions s) {
        List<String> problems = new ArrayList<>();
        VersionIndex index = s.versions();
        List<ModelVersion> superseded = new ArrayList<>();
        for (String id : v.getSupersedes()) {
            ModelVersion x = index.get(id);
            if (x == null || !x.getModelId().equals(v.getModelId())) {
                problems.add("supersedes " + id + ", which is no version of " + v.getModelId());
            } else {
                superseded.add(x);
            }
        }
        List<ModelVersion> rejected = superseded.stream().filter(s::rejected).toList();
        for (ModelVersion x : superseded) {
            boolean related = rejected.stream().anyMatch(r -> onLine(index, x, r) || onLine(index, r, x));
            if (!related) {
                problems.add("supersedes " + x.getVersionId() + " (" + s.verdict(x.getVersionId()).map(Verdict::name).orElse("no report")
                        + "), which was not REJECTED and is neither below nor built on a superseded REJECTED version");
            }
        }
        ModelVersion parent = index.get(v.getParentVersionId());
        if (parent == null) {
            problems.add("its parent " + v.getParentVersionId() + " is not in the log");
        } else {
            if (parent.getKind() != ModelVersionKind.BASE && s.verdict(parent.getVersionId()).filter(x -> x == Verdict.CERTIFIED).isEmpty()) {
                problems.add("built on " + parent.getVersionId() + ", which is not CERTIFIED (" + s.verdict(parent.getVersionId())
                        .map(Verdict::name).orElse("no report") + "): an escalation must build on the last certified version");
            }
            superseded.stream().filter(x -> !onLine(index, x, parent) || x.getVersionId().equals(parent.getVersionId())).forEach(x ->
                    problems.add("its parent " + parent.getVersionId() + " is not an ancestor of the superseded " + x.getVersionId()));
        }
        List<String> missing = superseded.stream().filter(x -> x.getKind() != ModelVersionKind.SUPPRESSED)
                .flatMap(x -> x.getAppliedRequestIds().stream()).filter(r -> !v.getAppliedRequestIds().contains(r)).distinct().toList();
        if (!missing.isEmpty()) {
            problems.add("does not re-apply " + missing + ", applied by the versions it supersedes: their samples would be remembered again");
        }
        String story = v.getEscalation();
        if (story == null || rejected.stream().noneMatch(r -> story.contains(r.getVersionId())) || !story.contains(v.getMethod())) {
            problems.add("its escalation text " + (story == null ? "is missing" : "'" + story + "'") + "; it must name the REJECTED version"
                    + " it supersedes and the method (" + v.getMethod() + ") that replaced it");
        }
        return problems;
    }

    /** Whether {@code ancestor} is {@code v} or one of its ancestors. */
    private static boolean onLine(VersionIndex index, ModelVersion v, ModelVersion ancestor) {
        return index.lineage(v.getVersionId()).stream().anyMatch(a -> a.getVersionId().equals(ancestor.getVersionId()));
    }

    private static void escalation(RequestHistory r, Supersessions s, CheckResultBuilder result) {
        List<RequestStatus> statuses = r.statuses();
        int at = -1;
        for (int i = 0; i < statuses.size(); i++) {
            at = statuses.get(i).getState() == RequestState.ESCALATING ? i : at;
        }
        if (at < 0) {
            return;
        }
        String from = Objects.toString(statuses.get(at).getVersionId(), null);
        RequestStatus next = statuses.subList(at + 1, statuses.size()).stream().filter(x -> x.getState() != RequestState.ESCALATING)
                .findFirst().orElse(null);
        if (next == null) {
            result.warn(r.requestId(), "pending: ESCALATING since " + statuses.get(at).getOccurredAt() + " (from " + from
                    + "); no stronger version or FAILED yet");
            result.pass();
        } else if (next.getState() == RequestState.FAILED) {
            result.pass();
        } else if (next.getState() != RequestState.APPLIED && next.getState() != RequestState.VERIFIED
                && next.getState() != RequestState.AWAITING_EVIDENCE) {
            result.fail(r.requestId(), "ESCALATING from " + from + " was followed by " + next.getState() + ", not APPLIED, FAILED or the"
                    + " verdict on a version that re-applied it");
        } else {
            // APPLIED by the worker's re-application, or (RequestLifecycle's race) the evaluator's verdict on a version that
            // had re-applied the request before it went ESCALATING: either way that version must apply it and supersede `from`
            ModelVersion by = s.versions().get(Objects.toString(next.getVersionId(), null));
            if (by == null || !by.getAppliedRequestIds().contains(r.requestId()) || (from != null && !by.getSupersedes().contains(from))) {
                result.fail(r.requestId(), "ESCALATING from " + from + ", then " + next.getState() + " by " + next.getVersionId() + ", which "
                        + (by == null ? "is not in the log" : !by.getAppliedRequestIds().contains(r.requestId()) ? "does not apply it"
                        : "does not supersede " + from));
            } else {
                result.pass();
            }
        }
    }
}
