package io.unlearn.worker.internals;

import io.unlearn.runtime.TopicReader;
import io.unlearn.schemas.Topics;

/**
 * Reads unlearn.models.versions and unlearn.catalog.forgotten from the beginning to their current end
 * (committed records only) into {@link ModelHeads}. Unreadable records are logged and skipped by the reader: they
 * came from no worker of this contract and carry no version this worker could build on.
 */
public final class StateLoader {
    private final TopicReader reader;

    public StateLoader(TopicReader reader) {
        this.reader = reader;
    }

    public ModelHeads load() {
        ModelHeads heads = new ModelHeads();
        reader.readAll(Topics.MODEL_VERSIONS, r -> heads.onVersion(r.value()));
        reader.readAll(Topics.FORGOTTEN_SAMPLES, r -> heads.onForgotten(r.value()));
        return heads;
    }
}
