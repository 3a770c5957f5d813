package io.unlearn.worker.internals;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unlearn.ml.model.Classifier;
import java.util.Optional;

/** Finds the first parameter with a NaN or infinite value: a diverged update must never become a version. */
final class FiniteParameters {
    private FiniteParameters() {
    }

    /** The name of a parameter holding a non-finite value, or empty when all are finite. */
    static Optional<String> firstNonFinite(Classifier model) {
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            NDArray values = p.getValue().getArray();
            if (values.isNaN().any().getBoolean() || values.isInfinite().any().getBoolean()) {
                return Optional.of(p.getKey());
            }
        }
        return Optional.empty();
    }
}
