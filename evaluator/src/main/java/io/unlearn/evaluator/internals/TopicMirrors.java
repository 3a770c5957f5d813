package io.unlearn.evaluator.internals;

import io.unlearn.runtime.TopicReader;
import io.unlearn.runtime.TopicTail;
import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestStatus;
import io.unlearn.schemas.Topics;

/**
 * The evaluator's private mirrors of four whole topics (every partition, from the beginning, committed records only,
 * no group; {@link TopicTail}): versions with their partition (lineage), forgotten samples (cumulative forget sets),
 * its own reports (what is reported) and request statuses (which requests are final), so that lineage lookups and the "already reported?" check see everything
 * committed before the version being judged. Unreadable records are logged and skipped by the tails.
 */
public final class TopicMirrors implements StateFeed {
    private final TopicTail<String, ModelVersion> versions;
    private final TopicTail<String, ForgottenSample> forgotten;
    private final TopicTail<String, EvaluationReport> reports;
    private final TopicTail<String, RequestStatus> statuses;

    public TopicMirrors(TopicReader reader) {
        this.versions = reader.tail(Topics.MODEL_VERSIONS);
        this.forgotten = reader.tail(Topics.FORGOTTEN_SAMPLES);
        this.reports = reader.tail(Topics.EVALUATION_REPORTS);
        this.statuses = reader.tail(Topics.REQUEST_STATUS);
    }

    @Override
    public void catchUp(EvaluatorState state) {
        versions.catchUp(r -> state.onVersion(r.value(), r.partition()));
        forgotten.catchUp(r -> state.onForgotten(r.value()));
        reports.catchUp(r -> state.onReport(r.value()));
        statuses.catchUp(r -> state.onStatus(r.value()));
    }

    @Override
    public void close() {
        versions.close();
        forgotten.close();
        reports.close();
        statuses.close();
    }
}
