package io.unlearn.ml.suppression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unlearn.ml.model.Classifier;
import java.util.Set;

/**
 * A concept "removal" that only edits the output: the concept's logits pushed far down, the network untouched. The
 * kind of model the probe and the relearning attack must see through.
 */
final class OutputMask implements InferenceModel {

    private final Classifier model;
    private final float[] offsets;

    private OutputMask(Classifier model, float[] offsets) {
        this.model = model;
        this.offsets = offsets;
    }

    static OutputMask hiding(Classifier model, Set<Integer> classes) {
        float[] offsets = new float[model.spec().numClasses()];
        classes.forEach(c -> offsets[c] = -1e4f);
        return new OutputMask(model, offsets);
    }

    @Override
    public NDArray logits(NDManager manager, NDArray x) {
        return model.logits(manager, x).add(manager.create(offsets));
    }

    @Override
    public Classifier base() {
        return model;
    }
}
