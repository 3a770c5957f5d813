package io.unlearn.ml.train;

import ai.djl.ndarray.NDArray;

/**
 * One mini-batch built from a view.
 *
 * @param features {@code (B, inputShape...)}
 * @param labels {@code (B)}, int64
 * @param positions the view positions of the B samples, in batch order
 */
public record Batch(NDArray features, NDArray labels, int[] positions) {
}
