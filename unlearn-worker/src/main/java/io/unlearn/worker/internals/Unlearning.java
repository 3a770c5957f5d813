package io.unlearn.worker.internals;

import io.unlearn.events.AcceptedRequest;
import io.unlearn.events.ModelVersion;
import io.unlearn.ml.ProgressListener;
import java.util.List;
import java.util.Set;

/**
 * What the worker loop asks of the engine for deletions: apply a batch to the head version, re-apply a rejected
 * lineage's requests on a certified version with a stronger method, or consolidate the head by retraining.
 * {@link BatchRunner} in the service; a stub in the loop's unit tests. Never throws for a bad batch: a failure is a
 * {@link BatchOutcome.Failed} with its reason.
 */
public interface Unlearning {

    /** Applies {@code requests} to {@code head} with {@code method}, never training on {@code alreadyForgotten}. */
    BatchOutcome apply(ModelVersion head, String method, List<AcceptedRequest> requests, Set<String> alreadyForgotten,
                       ProgressListener progress);

    /**
     * An UNLEARNED version of {@code parent} that forgets {@code forgetSet} with {@code method} and applies {@code requestIds}
     * (those of the versions an escalation supersedes), never training on {@code alreadyForgotten} either.
     */
    BatchOutcome reapply(ModelVersion parent, String method, List<String> requestIds, Set<String> forgetSet, Set<String> alreadyForgotten,
                         ProgressListener progress);

    /** A RETRAINED version of {@code head}: retrained from scratch on every sample not in {@code forgotten}. */
    BatchOutcome consolidate(ModelVersion head, Set<String> forgotten, ProgressListener progress);
}
