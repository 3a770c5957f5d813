package io.unlearn.ml.data;

import java.util.Set;

/**
 * The three views an unlearning run works on: the samples to forget, the training samples to keep,
 * and the held-out test samples. Forget and retain are disjoint subsets of the training split.
 *
 * @param forget training samples to be forgotten (non-empty)
 * @param retain training samples to keep (non-empty, disjoint from forget)
 * @param test held-out samples
 * @param forgetIds ids of the forget samples, in training order
 */
public record ForgetSplit(DataView forget, DataView retain, DataView test, Set<String> forgetIds) {

    /** Copies the id set, keeping its order. */
    public ForgetSplit {
        forgetIds = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(forgetIds));
    }

    @Override
    public String toString() {
        return "ForgetSplit[forget=" + forget.size() + ", retain=" + retain.size() + ", test=" + test.size() + "]";
    }
}
