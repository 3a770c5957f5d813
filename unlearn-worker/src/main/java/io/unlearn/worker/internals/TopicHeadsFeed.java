package io.unlearn.worker.internals;

import io.unlearn.events.EvaluationReport;
import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.events.RequestStatus;
import io.unlearn.runtime.TopicReader;
import io.unlearn.runtime.TopicTail;
import io.unlearn.schemas.Topics;

/**
 * The worker's private mirrors of unlearn.models.versions, unlearn.catalog.forgotten, unlearn.eval.reports and
 * unlearn.requests.status ({@link TopicTail}: every partition, from the beginning, committed records only, no group):
 * each {@link #catchUp} adds what anyone committed since the previous one — a BASE version from {@code unlearn models
 * train}, the versions of a worker that owned a partition before a rebalance, this worker's own, the evaluator's
 * verdicts and the ESCALATING statuses that come with a rejection. Statuses are read after reports, so a report's
 * statuses (committed in the same transaction) are never missed when the report is seen. Unreadable records are logged and skipped by the tails: they came
 * from no worker of this contract and carry no version this worker could build on.
 */
public final class TopicHeadsFeed implements HeadsFeed {
    private final TopicTail<String, ModelVersion> versions;
    private final TopicTail<String, ForgottenSample> forgotten;
    private final TopicTail<String, EvaluationReport> reports;
    private final TopicTail<String, RequestStatus> statuses;

    public TopicHeadsFeed(TopicReader reader) {
        this.versions = reader.tail(Topics.MODEL_VERSIONS);
        this.forgotten = reader.tail(Topics.FORGOTTEN_SAMPLES);
        this.reports = reader.tail(Topics.EVALUATION_REPORTS);
        this.statuses = reader.tail(Topics.REQUEST_STATUS);
    }

    /** What both topics hold now, read once (e.g. to refuse training a model that already has versions). */
    public static ModelHeads readOnce(TopicReader reader) {
        ModelHeads heads = new ModelHeads();
        try (TopicHeadsFeed feed = new TopicHeadsFeed(reader)) {
            feed.catchUp(heads);
        }
        return heads;
    }

    @Override
    public void catchUp(ModelHeads heads) {
        versions.catchUp(r -> heads.onVersion(r.value()));
        forgotten.catchUp(r -> heads.onForgotten(r.value()));
        reports.catchUp(r -> heads.onReport(r.value()));
        statuses.catchUp(r -> heads.onStatus(r.value()));
    }

    @Override
    public void close() {
        versions.close();
        forgotten.close();
        reports.close();
        statuses.close();
    }
}
