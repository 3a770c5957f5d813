package io.unlearn.ml.suppression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.unlearn.ml.data.DataView;
import io.unlearn.ml.model.ActivationCapture;
import io.unlearn.ml.model.Activations;
import io.unlearn.ml.model.Classifier;
import io.unlearn.ml.model.ModelLayer;

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
     * The representation that feeds the classification head: the activations of {@link ModelLayer#PENULTIMATE} as
     * this model computes them. The default is the base classifier's own encoder output, so a model that only
     * changes logits (an output mask) exposes the original representation; a model that edits activations
     * ({@link SuppressedModel}) overrides it. Probes and relearning attacks read it ({@link ConceptAttackEvaluation}).
     *
     * @param manager owner of intermediate arrays and the result
     * @param x inputs {@code (B, inputShape...)}
     * @return activations {@code (B, encoderWidth)}
     */
    default NDArray representation(NDManager manager, NDArray x) {
        return base().encode(manager, x);
    }

    /**
     * @param view samples
     * @return {@link #representation} of every sample, row i for view position i (chunked, a sub-manager per
     *     chunk), recorded under the layer name {@link ModelLayer#PENULTIMATE}
     */
    default Activations representations(DataView view) {
        int width = ModelLayer.of(base(), ModelLayer.PENULTIMATE).width();
        return ActivationCapture.capture(base(), ModelLayer.PENULTIMATE, width, view, ActivationCapture.DEFAULT_CHUNK,
                this::representation);
    }

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
