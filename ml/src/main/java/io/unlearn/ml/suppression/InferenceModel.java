package io.unlearn.ml.suppression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Classifier;

/** Something that maps inputs to logits: a plain {@link Classifier}, a {@link SuppressedModel} or a {@link LogitMask}. */
public interface InferenceModel {

    /**
     * Logits; gradients are recorded only inside a gradient collector (used by {@link Attacks}).
     *
     * @param manager owner of intermediate arrays and the result
     * @param x inputs {@code (B, inputShape...)}
     * @return logits {@code (B, numClasses)}
     */
    NDArray logits(NDManager manager, NDArray x);

    /** @return the underlying classifier (device, managers, spec) */
    Classifier base();

    /**
     * @param model a classifier
     * @return it, as an inference model
     */
    static InferenceModel of(Classifier model) {
        return new InferenceModel() {
            @Override
            public NDArray logits(NDManager manager, NDArray x) {
                return model.logits(manager, x);
            }

            @Override
            public Classifier base() {
                return model;
            }
        };
    }

    /**
     * @param view samples
     * @return the predicted class of each, in view order (chunked, a sub-manager per chunk)
     */
    default int[] predict(DataView view) {
        int[] out = new int[view.size()];
        int[] positions = view.positions();
        for (int from = 0; from < view.size(); from += ActivationCapture.DEFAULT_CHUNK) {
            int to = Math.min(view.size(), from + ActivationCapture.DEFAULT_CHUNK);
            try (NDManager m = base().newManager()) {
                int[] p = logits(m, view.features(m, positions, from, to)).argMax(1).toType(DataType.INT32, false)
                        .toIntArray();
                System.arraycopy(p, 0, out, from, p.length);
            }
        }
        return out;
    }
}
