package io.unlearn.worker.internals;

import io.unlearn.events.ForgottenSample;
import io.unlearn.events.ModelVersion;
import io.unlearn.runtime.TopicReader;
import io.unlearn.runtime.TopicTail;
import io.unlearn.schemas.Topics;

/**
 * The worker's private mirrors of unlearn.models.versions and unlearn.catalog.forgotten ({@link TopicTail}: every
 * partition, from the beginning, committed records only, no group): each {@link #catchUp} adds what anyone committed
 * since the previous one — a BASE version from {@code unlearn models train}, the versions of a worker that owned a
 * partition before a rebalance, this worker's own. Unreadable records are logged and skipped by the tails: they came
 * from no worker of this contract and carry no version this worker could build on.
 */
public final class TopicHeadsFeed implements HeadsFeed {
    private final TopicTail<String, ModelVersion> versions;
    private final TopicTail<String, ForgottenSample> forgotten;

    public TopicHeadsFeed(TopicReader reader) {
        this.versions = reader.tail(Topics.MODEL_VERSIONS);
        this.forgotten = reader.tail(Topics.FORGOTTEN_SAMPLES);
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
    }

    @Override
    public void close() {
        versions.close();
        forgotten.close();
    }
}
