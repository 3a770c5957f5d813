package io.unlearn.worker.internals;

import io.unlearn.events.ModelVersion;
import java.util.List;

/** What applying one batch produced: a version to publish, nothing left to do, or a failure to report. */
public sealed interface BatchOutcome {

    /** A new version and the samples it forgot. */
    record Published(ModelVersion version, List<String> forgottenSampleIds) implements BatchOutcome {
    }

    /** Every sample was already forgotten by {@code headVersionId}: acknowledge against it, publish nothing. */
    record AlreadyForgotten(String headVersionId) implements BatchOutcome {
    }

    /** The batch could not be applied; {@code reason} says why and what to do. */
    record Failed(String reason) implements BatchOutcome {
    }
}
