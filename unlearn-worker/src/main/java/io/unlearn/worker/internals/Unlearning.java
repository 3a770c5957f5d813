package io.unlearn.worker.internals;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ModelVersion;
import io.unlearn.ml.ProgressListener;
import java.util.List;
import java.util.Set;

/**
 * What the worker loop asks of the engine for deletions: apply a batch to the head version, or consolidate the head
 * by retraining. {@link BatchRunner} in the service; a stub in the loop's unit tests. Never throws for a bad batch:
 * a failure is a {@link BatchOutcome.Failed} with its reason.
 */
public interface Unlearning {

    /** Applies {@code requests} to {@code head}, never training on {@code alreadyForgotten}. */
    BatchOutcome apply(ModelVersion head, List<AcceptedRequest> requests, Set<String> alreadyForgotten, ProgressListener progress);

    /** A RETRAINED version of {@code head}: retrained from scratch on every sample not in {@code forgotten}. */
    BatchOutcome consolidate(ModelVersion head, Set<String> forgotten, ProgressListener progress);
}
