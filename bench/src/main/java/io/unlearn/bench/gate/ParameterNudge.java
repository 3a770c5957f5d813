package io.unlearn.bench.gate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.unlearn.ml.UnlearnException;
import io.unlearn.ml.model.Classifier;

/**
 * The benchmark's no-op "unlearning": a copy of the parent whose first parameter value is moved by a negligible amount
 * ({@value #DELTA}, or one float step where that rounds away), so its sha256 differs from the parent's (the evaluator's
 * identical-artifact check does not catch it) while its outputs are the parent's for every practical purpose.
 */
final class ParameterNudge {
    /** What is added to one parameter value. */
    static final float DELTA = 1e-7f;

    private ParameterNudge() {
    }

    /**
     * @param parent the model to copy (left unchanged)
     * @return the nudged copy (close it)
     * @throws UnlearnException if the copy's sha256 still equals the parent's
     */
    static Classifier nudged(Classifier parent) {
        Classifier copy = parent.copy();
        Parameter first = copy.block().getParameters().get(0).getValue();
        NDArray array = first.getArray();
        float[] values = array.toFloatArray();
        float moved = values[0] + DELTA;
        values[0] = moved != values[0] ? moved : Math.nextUp(values[0]);
        try (NDManager m = copy.newManager()) {
            m.create(values, array.getShape()).copyTo(array);
        }
        if (copy.sha256().equals(parent.sha256())) {
            copy.close();
            throw new UnlearnException("the no-op candidate's nudge left the parameters unchanged; its sha256 must differ");
        }
        return copy;
    }
}
