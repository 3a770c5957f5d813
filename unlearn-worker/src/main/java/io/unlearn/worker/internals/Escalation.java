package io.unlearn.worker.internals;

import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestStatus;
import java.util.List;
import java.util.Optional;

/**
 * What one REJECTED version asks of the worker ({@link EscalationPlanner} decides it from the topics): re-apply the
 * requests of every {@code affected} version on {@code parent} with {@code method}, as one version that supersedes them,
 * or — when no method is left — fail the requests still waiting for it.
 *
 * @param rejected   the REJECTED version (its last report)
 * @param parent     the last certified version below it: what the new version builds on
 * @param affected   the versions the new version supersedes: the rejected one, those between it and {@code parent}, and
 *                   those built on it since; none already superseded; oldest first
 * @param requestIds the deletion requests the affected versions applied, sorted
 * @param forgotten  the last record of every sample the affected versions forgot
 * @param method     the first reliable method above the rejected one on the ladder; empty when none is left
 * @param toMove     the last status of each request to move now: ESCALATING ones (to APPLIED, or FAILED when no
 *                   method is left), and when none is left also those still APPLIED or AWAITING_EVIDENCE
 * @param story      the escalation in one sentence: which version, rejected for what, which method, replaced by what
 */
public record Escalation(ModelVersion rejected, ModelVersion parent, List<ModelVersion> affected, List<String> requestIds,
                         List<ForgottenSample> forgotten, Optional<String> method, List<RequestStatus> toMove, String story) {

    /** The ids of the affected versions, oldest first. */
    public List<String> affectedIds() {
        return affected.stream().map(ModelVersion::getVersionId).toList();
    }
}
