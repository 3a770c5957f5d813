package io.unlearn.ml.unlearn;

import io.unlearn.ml.ProgressListener;

/**
 * An unlearning method: model + forget ids + retain ids + hyperparameters → new model + run report.
 *
 * <p>Implementations never modify the task's model (they work on a copy or a fresh model), are
 * deterministic for a given task (seed included) on the same machine and thread count, report progress
 * per epoch, and never clamp or post-process their results. Get them from {@link UnlearningMethods}.
 */
public interface UnlearningMethod {

    /** @return the method's short name, e.g. {@code ft}, {@code salun} */
    String name();

    /** @return the default hyperparameters, each documented in the implementation's Javadoc */
    Hyperparameters defaults();

    /**
     * Runs the method.
     *
     * @param task the model, the resolved forget / retain / test views, hyperparameter overrides and seed
     * @param listener receives progress per epoch or phase
     * @return the new model (the caller closes it) and the run report
     * @throws io.unlearn.ml.UnlearnException on bad hyperparameters or when training diverges (NaN loss)
     */
    UnlearningResult unlearn(UnlearningTask task, ProgressListener listener);
}
